package dev.mrcheck.frontend.java;

import java.util.List;
import java.util.Map;

/**
 * What the lowering needs to know about one scanned class without re-reading its source: its
 * superclass, field types, and methods (arity, staticness, return type, trivial-getter field). Type
 * names are simple names with generics and array brackets stripped. {@code functionalMethod}: for
 * an interface with exactly one abstract method, that method (a lambda or method reference stored
 * in a field of this type is called through it); else null.
 */
record ClassInfo(
    String name,
    String superName,
    Map<String, String> fieldTypes,
    java.util.Set<String> staticFields,
    Map<String, List<MethodInfo>> methods,
    String hotpluggable,
    MethodInfo functionalMethod) {

  ClassInfo {
    fieldTypes = Map.copyOf(fieldTypes);
    staticFields = java.util.Set.copyOf(staticFields);
    methods = Map.copyOf(methods);
  }

  /**
   * One method; {@code getterField} names the field a trivial getter ({@code return mmio;}) or a
   * record accessor returns, else null.
   */
  record MethodInfo(
      String name, int arity, boolean isStatic, String returnType, String getterField) {}

  List<MethodInfo> methodsNamed(String method) {
    return methods.getOrDefault(method, List.of());
  }

  /** Overloaded names get an arity suffix in function names ({@code Dev.helper/2}). */
  boolean overloaded(String method) {
    return methodsNamed(method).size() > 1;
  }
}
