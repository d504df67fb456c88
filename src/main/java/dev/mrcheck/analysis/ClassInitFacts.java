package dev.mrcheck.analysis;

import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.Value;
import dev.mrcheck.model.ApiModel;
import dev.mrcheck.model.Role;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

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

  static ClassInitFacts of(Function classInit, ApiModel model) {
    ClassInitFacts facts = new ClassInitFacts();
    if (classInit == null) return facts;
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
    return facts;
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
    String classType = classInit.localTypes().getOrDefault(a.target().root(), "");
    Optional<Role> role = model.classHook(classType, field);
    if (role.isEmpty() && !classType.endsWith("Class")) {
      // DEVICE_CLASS(klass)->realize: the cast is looked through, so the type is ObjectClass.
      role = model.classHook("DeviceClass", field);
    }
    role.ifPresent(
        r -> {
          hooks.put(r, p.path().root());
          chainsParent.remove(r);
        });
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
