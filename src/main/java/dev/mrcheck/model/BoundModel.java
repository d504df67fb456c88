package dev.mrcheck.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link ApiModel} built from model files: immutable once built, so one instance can be shared
 * by every analysis thread. A later file's definition of a function, class field, hook setter or
 * type replaces an earlier one; everything else accumulates.
 */
public final class BoundModel implements ApiModel {
  private final Map<String, FunctionModel> functions;

  /** Keyed by {@code ClassType.field}. */
  private final Map<String, ClassHook> classHooks;

  private final Map<String, HookSetterModel> hookSetters;
  private final Map<String, TypeFact> types;

  private BoundModel(
      Map<String, FunctionModel> functions,
      Map<String, ClassHook> classHooks,
      Map<String, HookSetterModel> hookSetters,
      Map<String, TypeFact> types) {
    this.functions = Collections.unmodifiableMap(functions);
    this.classHooks = Collections.unmodifiableMap(classHooks);
    this.hookSetters = Collections.unmodifiableMap(hookSetters);
    this.types = Collections.unmodifiableMap(types);
  }

  /**
   * Merges {@code files} in order; see the class comment for what "later replaces earlier" covers.
   */
  public static BoundModel of(List<ModelFile> files) {
    Map<String, FunctionModel> functions = new LinkedHashMap<>();
    Map<String, ClassHook> classHooks = new LinkedHashMap<>();
    Map<String, HookSetterModel> hookSetters = new LinkedHashMap<>();
    Map<String, TypeFact> types = new LinkedHashMap<>();
    for (ModelFile file : files) {
      file.functions().forEach(f -> functions.put(f.name(), f));
      file.classHooks().forEach(h -> classHooks.put(hookKey(h.classType(), h.field()), h));
      file.hookSetters().forEach(s -> hookSetters.put(s.name(), s));
      file.types().forEach(t -> types.put(t.typeName(), t));
    }
    return new BoundModel(functions, classHooks, hookSetters, types);
  }

  @Override
  public Optional<FunctionModel> function(String name) {
    return Optional.ofNullable(functions.get(name));
  }

  @Override
  public Optional<Role> classHook(String classType, String field) {
    return Optional.ofNullable(classHooks.get(hookKey(classType, field))).map(ClassHook::role);
  }

  @Override
  public Optional<HookSetter> hookSetter(String function) {
    return Optional.ofNullable(hookSetters.get(function)).map(HookSetterModel::setter);
  }

  @Override
  public Optional<Boolean> hotpluggable(String typeName) {
    return Optional.ofNullable(types.get(typeName)).map(TypeFact::hotpluggable);
  }

  @Override
  public Set<String> functionNames() {
    return functions.keySet();
  }

  /** Every function model, in the order first defined. */
  public Collection<FunctionModel> functions() {
    return functions.values();
  }

  public List<ClassHook> classHooks() {
    return new ArrayList<>(classHooks.values());
  }

  public Collection<HookSetterModel> hookSetters() {
    return hookSetters.values();
  }

  public Collection<TypeFact> types() {
    return types.values();
  }

  private static String hookKey(String classType, String field) {
    return classType + "." + field;
  }
}
