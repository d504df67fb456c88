package dev.mrcheck.ir;

import java.util.List;
import java.util.Map;

/** Everything one source file contributes to the program, with no parser types left. */
public record TranslationUnit(
    String file, String language, int lines, List<Function> functions,
    List<TypeRegistration> types, List<StructField> fields, Map<String, String> stringMacros,
    List<ParseProblem> problems) {
  public TranslationUnit {
    functions = List.copyOf(functions);
    types = List.copyOf(types);
    fields = List.copyOf(fields);
    stringMacros = Map.copyOf(stringMacros);
    problems = List.copyOf(problems);
  }

  public long droppedFunctions() {
    return problems.stream().filter(p -> p.droppedFunction() != null).count();
  }
}
