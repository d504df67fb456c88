package dev.mrcheck.frontend.java;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.Param;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The variables of one function being lowered. Java forbids a local from shadowing another local of
 * the same method, so one flat map per function suffices. Lambdas and anonymous-class methods see
 * the enclosing function's variables ({@code enclosing}); captured ones are LOCAL roots. {@code
 * className} is the class whose fields bare names and {@code this} refer to; for lambdas and
 * anonymous classes it is the enclosing class (their {@code this} parameter is the enclosing
 * instance).
 */
final class FunctionScope {
  static final String THIS = "this";

  final String className;
  final boolean isStatic;
  final String functionName;
  final FunctionScope enclosing;
  private final List<Param> params = new ArrayList<>();
  private final Map<String, String> types = new LinkedHashMap<>();
  private int syntheticCount;

  FunctionScope(String className, boolean isStatic, String functionName, FunctionScope enclosing) {
    this.className = className;
    this.isStatic = isStatic;
    this.functionName = functionName;
    this.enclosing = enclosing;
    if (!isStatic) addParam(THIS, className);
  }

  void addParam(String name, String type) {
    params.add(new Param(name, type));
    types.put(name, type);
  }

  void addLocal(String name, String type) {
    types.put(name, type);
  }

  List<Param> params() {
    return params;
  }

  Map<String, String> localTypes() {
    return types;
  }

  boolean isParam(String name) {
    return params.stream().anyMatch(p -> p.name().equals(name));
  }

  /** Whether {@code name} is a parameter or local here or in an enclosing function. */
  Optional<AccessPath.Root> rootOf(String name) {
    if (types.containsKey(name))
      return Optional.of(isParam(name) ? AccessPath.Root.PARAM : AccessPath.Root.LOCAL);
    if (enclosing != null && enclosing.rootOf(name).isPresent())
      return Optional.of(AccessPath.Root.LOCAL);
    return Optional.empty();
  }

  Optional<String> typeOf(String name) {
    String t = types.get(name);
    if (t != null) return Optional.of(t);
    return enclosing == null ? Optional.empty() : enclosing.typeOf(name);
  }

  /** Synthetic names for lambdas and anonymous classes are numbered per outermost function. */
  String nextSynthetic(String kind) {
    if (enclosing != null) return enclosing.nextSynthetic(kind);
    return functionName + "$" + kind + "$" + (++syntheticCount);
  }
}
