package dev.mrcheck.analysis;

import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A field-based call graph: which functions are stored in which field ({@code iic->init = f}, in a
 * class_init or a helper it calls), so that a call through that field ({@code k->init(s)}) reaches
 * them. Fields are told apart by the declared type of the variable they are reached through: a call
 * through a path whose type is not known (an array element, a cast) resolves to nothing, as a field
 * name alone joins unrelated families. A field many functions are stored in ({@code dc->realize})
 * is a generic dispatch point (qdev calling every device's realize): it resolves to nothing, or
 * every hook and callback of the program would gain the dispatcher as a caller.
 */
final class FieldTargets {
  /** More targets than this and a call through the field is left unresolved. */
  static final int MAX_TARGETS = 4;

  private record Store(String type, String function) {}

  private final Map<String, List<Store>> byField = new HashMap<>();

  FieldTargets(Program program) {
    for (Function f : program.functions()) {
      for (Stmt.Assign a : f.cfg().assignments()) {
        if (a.target().steps().isEmpty()) continue;
        if (!(a.value() instanceof Value.Path p) || !p.path().steps().isEmpty()) continue;
        String name = p.path().root();
        if (f.localTypes().containsKey(name)) continue;
        Function stored = program.resolve(name, f.file());
        if (stored == null) continue;
        String type = a.target().steps().size() == 1 ? f.localTypes().get(a.target().root()) : null;
        byField
            .computeIfAbsent(a.target().lastStep(), k -> new ArrayList<>())
            .add(new Store(type, stored.key()));
      }
    }
  }

  /**
   * The keys of the functions a call through a field may reach: those stored in a field of that
   * name through a variable of the caller's declared type; empty when there are more than {@link
   * #MAX_TARGETS}.
   */
  Set<String> of(Function caller, Stmt.Call call) {
    if (call.through() == null) return Set.of();
    List<Store> stores = byField.getOrDefault(call.through().lastStep(), List.of());
    String type =
        call.through().steps().size() == 1 ? caller.localTypes().get(call.through().root()) : null;
    if (type == null) return Set.of();
    Set<String> out = new LinkedHashSet<>();
    for (Store st : stores) if (type.equals(st.type())) out.add(st.function());
    return out.size() > MAX_TARGETS ? Set.of() : out;
  }
}
