package dev.mrcheck.analysis;

import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.Value;
import dev.mrcheck.model.ApiModel;
import dev.mrcheck.model.Role;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a class_init function sets: lifecycle hooks by role ({@code k->exit = f} on a {@code
 * PCIDeviceClass} is unrealize), and the hot-plug flags. The declared class type of the assigned
 * variable decides the role; the model maps class fields to roles.
 */
final class ClassInitFacts {
  final Map<Role, String> hooks = new EnumMap<>(Role.class);

  /** Roles set through {@code device_class_set_parent_*}: the parent's hook still runs first. */
  final Map<Role, Boolean> chainsParent = new EnumMap<>(Role.class);

  Boolean hotpluggable;
  Boolean userCreatable;

  /** Roles set through a field of {@code DeviceClass}, the one qdev itself calls. */
  private final Set<Role> setOnDeviceClass = EnumSet.noneOf(Role.class);

  /**
   * Reads class_init and the helpers it hands the class to ({@link ClassCode}), in call order: a
   * hook set in {@code ipmi_kcs_class_init(iic)} is the type's as if class_init had set it.
   */
  static ClassInitFacts of(Program program, Function classInit, ApiModel model) {
    ClassInitFacts facts = new ClassInitFacts();
    for (Function f : ClassCode.of(program, classInit)) facts.read(f, model);
    return facts;
  }

  private void read(Function classInit, ApiModel model) {
    ClassInitFacts facts = this;
    for (Stmt s : classInit.cfg().statements()) {
      if (s instanceof Stmt.Assign a && !a.target().steps().isEmpty()) {
        facts.readAssignment(classInit, a, model);
      } else if (s instanceof Stmt.Call c) {
        model
            .hookSetter(c.callee())
            .ifPresent(
                setter -> {
                  if (setter.functionArg() < c.args().size()
                      && c.args().get(setter.functionArg()) instanceof Value.Path p) {
                    facts.hooks.put(setter.role(), p.path().root());
                    facts.chainsParent.put(setter.role(), true);
                  }
                });
      }
    }
  }

  private void readAssignment(Function classInit, Stmt.Assign a, ApiModel model) {
    String field = a.target().lastStep();
    if (a.target().steps().size() != 1) return;
    if (field.equals("hotpluggable")) {
      hotpluggable = booleanOf(a.value());
      return;
    }
    if (field.equals("user_creatable")) {
      userCreatable = booleanOf(a.value());
      return;
    }
    if (!(a.value() instanceof Value.Path p) || !p.path().steps().isEmpty()) return;
    // A helper storing what it was handed (device_class_set_parent_realize's dev_realize): the
    // caller's own reading of the call already gave the role its function.
    if (classInit.localTypes().containsKey(p.path().root())) return;
    String classType = classInit.localTypes().getOrDefault(a.target().root(), "");
    Optional<Role> role = model.classHook(classType, field);
    boolean deviceClass = classType.equals("DeviceClass");
    if (role.isEmpty() && !classType.endsWith("Class")) {
      // DEVICE_CLASS(klass)->realize: the cast is looked through, so the type is ObjectClass.
      role = model.classHook("DeviceClass", field);
      deviceClass = role.isPresent();
    }
    if (role.isEmpty()) return;
    Role r = role.get();
    // qdev calls DeviceClass.realize; a type that sets it and also another class's realize-role
    // field (IPMIInterfaceClass.init) calls that one from its DeviceClass hook.
    if (!deviceClass && setOnDeviceClass.contains(r)) return;
    if (deviceClass) setOnDeviceClass.add(r);
    hooks.put(r, p.path().root());
    chainsParent.remove(r);
  }

  private static Boolean booleanOf(Value v) {
    if (v instanceof Value.Literal l) {
      String t = l.text().trim();
      if (t.equals("false") || t.equals("0")) return false;
      if (t.equals("true") || t.equals("1")) return true;
    }
    if (v instanceof Value.Null) return false;
    return null;
  }
}
