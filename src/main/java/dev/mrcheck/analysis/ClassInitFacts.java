package dev.mrcheck.analysis;

import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.Value;
import dev.mrcheck.model.ApiModel;
import dev.mrcheck.model.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

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

  /** Every function stored in a field of each role, in the order the class code stores them. */
  private final Map<Role, List<String>> stored = new EnumMap<>(Role.class);

  /**
   * Reads class_init and the helpers it hands the class to ({@link ClassCode}), in call order: a
   * hook set in {@code ipmi_kcs_class_init(iic)} is the type's as if class_init had set it.
   */
  static ClassInitFacts of(Program program, Function classInit, ApiModel model) {
    ClassInitFacts facts = new ClassInitFacts();
    for (Function f : ClassCode.of(program, classInit)) facts.read(program, f, model);
    return facts;
  }

  /** What class_init itself sets, without its helpers (null: a type without one). */
  static ClassInitFacts of(Function classInit, ApiModel model) {
    ClassInitFacts facts = new ClassInitFacts();
    if (classInit != null) facts.read(null, classInit, model);
    return facts;
  }

  private void read(Program program, Function classInit, ApiModel model) {
    ClassInitFacts facts = this;
    for (Stmt s : classInit.cfg().statements()) {
      if (s instanceof Stmt.Assign a && !a.target().steps().isEmpty()) {
        facts.readAssignment(program, classInit, a, model);
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

  private void readAssignment(Program program, Function classInit, Stmt.Assign a, ApiModel model) {
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
    if (role.isEmpty() && !classType.endsWith("Class")) {
      // DEVICE_CLASS(klass)->realize: the cast is looked through, so the type is ObjectClass.
      role = model.classHook("DeviceClass", field);
    }
    if (role.isEmpty()) return;
    Role r = role.get();
    // By key: a helper in another file may store one of its own file's static functions.
    Function hook = program == null ? null : program.resolve(p.path().root(), classInit.file());
    String name = hook != null ? hook.key() : p.path().root();
    hooks.put(r, name);
    stored.computeIfAbsent(r, k -> new ArrayList<>()).add(name);
    chainsParent.remove(r);
  }

  /**
   * A type whose class code stores two functions in fields of one role (DeviceClass.realize and
   * IPMIInterfaceClass.init) runs the one that calls the other as the hook: of the functions stored
   * for a role, the last one that none of the others calls ({@code calls.test(a, b)}: a calls b).
   * These facts when nothing changes, else a settled copy.
   */
  ClassInitFacts settled(BiPredicate<String, String> calls) {
    ClassInitFacts out = this;
    for (Map.Entry<Role, List<String>> e : stored.entrySet()) {
      List<String> fs = e.getValue();
      if (fs.size() < 2 || !fs.get(fs.size() - 1).equals(hooks.get(e.getKey()))) continue;
      for (int i = fs.size() - 1; i >= 0; i--) {
        String candidate = fs.get(i);
        boolean called = false;
        for (String other : fs) called |= !other.equals(candidate) && calls.test(other, candidate);
        if (!called) {
          if (!candidate.equals(out.hooks.get(e.getKey()))) {
            if (out == this) out = copy();
            out.hooks.put(e.getKey(), candidate);
          }
          break;
        }
      }
    }
    return out;
  }

  /** A copy (facts kept between analyses are shared, never changed). */
  private ClassInitFacts copy() {
    ClassInitFacts c = new ClassInitFacts();
    c.hooks.putAll(hooks);
    c.chainsParent.putAll(chainsParent);
    stored.forEach((k, v) -> c.stored.put(k, new ArrayList<>(v)));
    c.hotpluggable = hotpluggable;
    c.userCreatable = userCreatable;
    return c;
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
