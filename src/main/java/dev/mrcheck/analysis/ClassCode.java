package dev.mrcheck.analysis;

import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.TypeRegistration;
import dev.mrcheck.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The code that fills a QOM type's class: its class_init and the helpers class_init hands a class
 * pointer to ({@code ipmi_kcs_class_init(iic)} setting {@code iic->init}), transitively. What they
 * store in the class is the type's, as if class_init had stored it itself.
 */
final class ClassCode {
  private final Map<String, Set<String>> typesByFunction = new HashMap<>();

  ClassCode(Program program) {
    for (Map.Entry<String, TypeRegistration> e : program.types().entrySet()) {
      Function classInit = classInit(program, e.getValue());
      for (Function f : of(program, classInit))
        typesByFunction.computeIfAbsent(f.key(), k -> new LinkedHashSet<>()).add(e.getKey());
    }
  }

  /** The canonical names of the types whose class the function fills; empty for other code. */
  Set<String> typesFilledBy(String functionKey) {
    return typesByFunction.getOrDefault(functionKey, Set.of());
  }

  static Function classInit(Program program, TypeRegistration r) {
    String name = r.hooks().get("class_init");
    if (name == null) return null;
    Function f = program.function(name);
    return f != null ? f : program.resolve(name, r.loc().file());
  }

  /**
   * {@code classInit} first, then the helpers it passes a class pointer to, in the order they are
   * called (a later store overrides an earlier one, as at run time).
   */
  static List<Function> of(Program program, Function classInit) {
    List<Function> out = new ArrayList<>();
    if (classInit == null) return out;
    Set<String> seen = new LinkedHashSet<>();
    collect(program, classInit, seen, out);
    return out;
  }

  private static void collect(Program program, Function f, Set<String> seen, List<Function> out) {
    if (!seen.add(f.key())) return;
    out.add(f);
    for (Stmt s : f.cfg().statements()) {
      if (!(s instanceof Stmt.Call c) || c.through() != null || !passesClass(f, c)) continue;
      Function helper = program.resolve(c.callee(), f.file());
      if (helper != null) collect(program, helper, seen, out);
    }
  }

  /** Whether an argument is a class pointer: a variable declared as some {@code ...Class}. */
  private static boolean passesClass(Function f, Stmt.Call c) {
    for (Value v : c.args()) {
      if (v instanceof Value.Path p && p.path().steps().isEmpty()) {
        String type = f.localTypes().get(p.path().root());
        if (type != null && type.endsWith("Class")) return true;
      }
    }
    return false;
  }
}
