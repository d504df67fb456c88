package dev.mrcheck.model;

import java.util.List;

/** Everything one model file declares, bound and checked, in file order. */
public record ModelFile(
    String path,
    List<FunctionModel> functions,
    List<ClassHook> classHooks,
    List<HookSetterModel> hookSetters,
    List<TypeFact> types) {
  public ModelFile {
    functions = List.copyOf(functions);
    classHooks = List.copyOf(classHooks);
    hookSetters = List.copyOf(hookSetters);
    types = List.copyOf(types);
  }
}
