package dev.mrcheck.frontend.java;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.ir.TypeRegistration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds Java device classes and their lifecycle hooks. A device is a class whose superclass chain
 * (through scanned classes) reaches {@code DeviceState}, {@code PCIDevice} or {@code SysBusDevice},
 * or any class with a method annotated {@code @InstanceInit}, {@code @Realize}, {@code @Unrealize}
 * or {@code @InstanceFinalize}. Hooks come from those annotations, then from overrides named {@code
 * instanceInit}, {@code realize}, {@code unrealize} ({@code exit} for PCI devices), {@code
 * instanceFinalize}, then from the same methods of scanned superclasses; without an instance-init
 * method, the constructor plays that role (it runs for every instance).
 */
final class DeviceRecognizer {
  static final Set<String> BASES = Set.of("DeviceState", "PCIDevice", "SysBusDevice");
  static final String PCI_BASE = "PCIDevice";

  private static final Map<String, String> ANNOTATION_ROLES =
      Map.of(
          "InstanceInit",
          "instance_init",
          "Realize",
          "realize",
          "Unrealize",
          "unrealize",
          "InstanceFinalize",
          "instance_finalize");
  private static final Map<String, String> OVERRIDE_ROLES =
      Map.of(
          "instanceInit",
          "instance_init",
          "realize",
          "realize",
          "unrealize",
          "unrealize",
          "instanceFinalize",
          "instance_finalize");
  private static final String PCI_EXIT = "exit";

  private DeviceRecognizer() {}

  static Optional<TypeRegistration> recognize(
      TypeDeclaration<?> type,
      SourceIndex index,
      Function<MethodDeclaration, String> keyOf,
      String constructorKey,
      SourceLoc loc) {
    String name = type.getNameAsString();
    if (BASES.contains(name)
        || !(type instanceof ClassOrInterfaceDeclaration c)
        || c.isInterface()) {
      return Optional.empty();
    }
    List<String> ancestors = index.ancestors(name);
    boolean derived = ancestors.stream().anyMatch(BASES::contains);
    Map<String, String> hooks = new LinkedHashMap<>();
    for (MethodDeclaration m : c.getMethods()) {
      if (m.getBody().isEmpty()) continue;
      for (AnnotationExpr a : m.getAnnotations()) {
        String role = ANNOTATION_ROLES.get(a.getName().getIdentifier());
        if (role != null) hooks.putIfAbsent(role, keyOf.apply(m));
      }
    }
    if (!derived && hooks.isEmpty()) return Optional.empty();
    if (derived) addOverrides(c, index, ancestors.contains(PCI_BASE), keyOf, hooks);
    if (constructorKey != null) hooks.putIfAbsent("instance_init", constructorKey);

    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("language", "java");
    index.chain(name).stream()
        .map(ClassInfo::hotpluggable)
        .filter(h -> h != null)
        .findFirst()
        .ifPresent(h -> properties.put("hotpluggable", h));
    String parent = c.getExtendedTypes().isEmpty() ? null : c.getExtendedTypes(0).getNameAsString();
    return Optional.of(
        new TypeRegistration(name, parent, stateStruct(c).orElse(name), hooks, properties, loc));
  }

  /**
   * A jextract-style device keeps its state in a nested record that its static QOM cast checker
   * returns ({@code static native SelftestState SELFTEST(MemorySegment obj)}): that record is the
   * instance struct, so a callback that casts its {@code opaque} with it acts on the device, as C's
   * {@code SelftestState *s = opaque;} does.
   */
  private static Optional<String> stateStruct(ClassOrInterfaceDeclaration c) {
    java.util.Set<String> records = new java.util.HashSet<>();
    for (var member : c.getMembers()) {
      if (member instanceof com.github.javaparser.ast.body.RecordDeclaration r)
        records.add(r.getNameAsString());
    }
    return c.getMethods().stream()
        .filter(
            m ->
                m.isStatic()
                    && m.getParameters().size() == 1
                    && m.getNameAsString().matches("[A-Z][A-Z0-9_]+"))
        .map(m -> m.getType().asString())
        .filter(records::contains)
        .findFirst();
  }

  private static void addOverrides(
      ClassOrInterfaceDeclaration c,
      SourceIndex index,
      boolean pci,
      Function<MethodDeclaration, String> keyOf,
      Map<String, String> hooks) {
    Map<String, String> roles = new LinkedHashMap<>(OVERRIDE_ROLES);
    if (pci) roles.put(PCI_EXIT, "unrealize"); // after "unrealize": an unrealize override wins
    for (Map.Entry<String, String> r : roles.entrySet()) {
      c.getMethodsByName(r.getKey()).stream()
          .filter(m -> !m.isStatic() && m.getBody().isPresent())
          .findFirst()
          .ifPresent(m -> hooks.putIfAbsent(r.getValue(), keyOf.apply(m)));
    }
    List<ClassInfo> supers = index.chain(c.getNameAsString());
    for (ClassInfo sup : supers.subList(Math.min(1, supers.size()), supers.size())) {
      if (BASES.contains(sup.name())) break;
      for (Map.Entry<String, String> r : roles.entrySet()) {
        sup.methodsNamed(r.getKey()).stream()
            .filter(m -> !m.isStatic())
            .findFirst()
            .ifPresent(
                m ->
                    hooks.putIfAbsent(r.getValue(), CallNaming.method(sup, r.getKey(), m.arity())));
      }
    }
  }
}
