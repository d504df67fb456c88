package dev.mrcheck.frontend.java;

import dev.mrcheck.frontend.java.ClassInfo.MethodInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scanned classes by simple name. Simple names are the identity of classes in the IR (function
 * names are {@code Class.method}), so two scanned classes with the same simple name in different
 * packages collide: the first one indexed wins, and the current file's classes win over the tree's.
 */
final class SourceIndex {
  static final SourceIndex EMPTY = new SourceIndex(Map.of());

  private final Map<String, ClassInfo> classes;

  private SourceIndex(Map<String, ClassInfo> classes) {
    this.classes = classes;
  }

  static SourceIndex of(Collection<ClassInfo> infos) {
    Map<String, ClassInfo> m = new LinkedHashMap<>();
    for (ClassInfo c : infos) m.putIfAbsent(c.name(), c);
    return new SourceIndex(m);
  }

  /** This index with {@code local} (the file being lowered) taking precedence. */
  SourceIndex overlay(Collection<ClassInfo> local) {
    Map<String, ClassInfo> m = new HashMap<>(classes);
    for (ClassInfo c : local) m.put(c.name(), c);
    return new SourceIndex(m);
  }

  Optional<ClassInfo> find(String simpleName) {
    return Optional.ofNullable(simpleName == null ? null : classes.get(simpleName));
  }

  /**
   * The class itself, then its scanned superclasses, nearest first; stops at the first unscanned
   * one.
   */
  List<ClassInfo> chain(String simpleName) {
    List<ClassInfo> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Optional<ClassInfo> c = find(simpleName);
    while (c.isPresent() && seen.add(c.get().name())) {
      out.add(c.get());
      c = find(c.get().superName());
    }
    return out;
  }

  /**
   * Superclass names, nearest first, including the first unscanned one (e.g. a facade base from a
   * jar).
   */
  List<String> ancestors(String simpleName) {
    List<String> out = new ArrayList<>();
    for (ClassInfo c : chain(simpleName)) if (c.superName() != null) out.add(c.superName());
    return out;
  }

  Optional<String> fieldType(String className, String field) {
    for (ClassInfo c : chain(className)) {
      String t = c.fieldTypes().get(field);
      if (t != null) return Optional.of(t);
    }
    return Optional.empty();
  }

  boolean isStaticField(String className, String field) {
    for (ClassInfo c : chain(className)) {
      if (c.fieldTypes().containsKey(field)) return c.staticFields().contains(field);
    }
    return false;
  }

  /** A method found on the class or its scanned superclasses, with the class that declares it. */
  record Found(ClassInfo declarer, MethodInfo method) {}

  Optional<Found> method(String className, String name, int arity) {
    for (ClassInfo c : chain(className)) {
      List<MethodInfo> ms = c.methodsNamed(name);
      for (MethodInfo m : ms) if (m.arity() == arity) return Optional.of(new Found(c, m));
      if (!ms.isEmpty()) return Optional.of(new Found(c, ms.get(0)));
    }
    return Optional.empty();
  }

  /** The only scanned class declaring a method of that name and arity, if exactly one does. */
  Optional<Found> uniqueMethod(String name, int arity) {
    Found found = null;
    for (ClassInfo c : classes.values()) {
      for (MethodInfo m : c.methodsNamed(name)) {
        if (m.arity() != arity) continue;
        if (found != null) return Optional.empty();
        found = new Found(c, m);
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * The field that every scanned no-argument method of this name returns, when all of them are
   * trivial getters of the same field: {@code s.mmio()} on a receiver of unknown type.
   */
  Optional<String> getterEverywhere(String name) {
    String field = null;
    for (ClassInfo c : classes.values()) {
      for (MethodInfo m : c.methodsNamed(name)) {
        if (m.arity() != 0) continue;
        if (m.getterField() == null || field != null && !field.equals(m.getterField()))
          return Optional.empty();
        field = m.getterField();
      }
    }
    return Optional.ofNullable(field);
  }

  int size() {
    return classes.size();
  }
}
