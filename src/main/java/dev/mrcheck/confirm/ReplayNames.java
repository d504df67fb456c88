package dev.mrcheck.confirm;

import dev.mrcheck.analysis.Place;
import dev.mrcheck.model.Operation;
import dev.mrcheck.rules.WitnessStep;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How the replay names the witness' regions and address spaces: as the code spells them ({@code
 * s->mmio}), the spelling of the region's init when there is one, made unique when two canonical
 * ids are spelled alike.
 */
final class ReplayNames {
  private final Map<String, String> byId = new HashMap<>();
  private final Set<String> taken = new HashSet<>();

  ReplayNames(Iterable<WitnessStep> steps) {
    for (WitnessStep s : steps) {
      if (creates(s)) name(s.subject());
    }
    for (WitnessStep s : steps) {
      if (creates(s)) name(s.subject());
      else s.operation().operands().forEach(this::name);
    }
  }

  /** Steps that create their subject; their other operand, the owner, is no region. */
  static boolean creates(WitnessStep s) {
    return s.operation() instanceof Operation.Init
        || s.operation() instanceof Operation.InitMisowned;
  }

  private void name(Place place) {
    String id = place.id();
    String shown = place.shown();
    if (id == null || byId.containsKey(id)) return;
    String base = shown == null || shown.isBlank() ? id : shown;
    String name = base;
    for (int i = 2; !taken.add(name); i++) name = base + "#" + i;
    byId.put(id, name);
  }

  /** The name of {@code id} in the replay; ids never seen are named by themselves. */
  String of(String id) {
    return id == null ? null : byId.getOrDefault(id, id);
  }
}
