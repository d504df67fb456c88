package dev.mrcheck.ir;

import java.util.List;
import java.util.Map;

/**
 * Everything one source file contributes to the program, with no parser types left. {@code
 * inactiveFunctions}: function definitions in preprocessor branches the first parse did not take;
 * {@code recoveredFunctions}: how many of them a second parse, with the macros those branches test
 * defined, added to {@code functions}; {@code tables}: functions stored by static initializers (ops
 * tables).
 */
public record TranslationUnit(
    String file,
    String language,
    int lines,
    List<Function> functions,
    List<TypeRegistration> types,
    List<StructField> fields,
    Map<String, String> stringMacros,
    List<ParseProblem> problems,
    int inactiveFunctions,
    int recoveredFunctions,
    List<TableEntry> tables) {
  public TranslationUnit {
    functions = List.copyOf(functions);
    tables = List.copyOf(tables);
    types = List.copyOf(types);
    fields = List.copyOf(fields);
    stringMacros = Map.copyOf(stringMacros);
    problems = List.copyOf(problems);
  }

  /** Without functions in inactive preprocessor branches (not C, or none). */
  public TranslationUnit(
      String file,
      String language,
      int lines,
      List<Function> functions,
      List<TypeRegistration> types,
      List<StructField> fields,
      Map<String, String> stringMacros,
      List<ParseProblem> problems) {
    this(file, language, lines, functions, types, fields, stringMacros, problems, 0, 0, List.of());
  }

  /** Without static initializers that store functions (not C, or none). */
  public TranslationUnit(
      String file,
      String language,
      int lines,
      List<Function> functions,
      List<TypeRegistration> types,
      List<StructField> fields,
      Map<String, String> stringMacros,
      List<ParseProblem> problems,
      int inactiveFunctions) {
    this(
        file,
        language,
        lines,
        functions,
        types,
        fields,
        stringMacros,
        problems,
        inactiveFunctions,
        0,
        List.of());
  }

  public long droppedFunctions() {
    return problems.stream().filter(p -> p.droppedFunction() != null).count();
  }
}
