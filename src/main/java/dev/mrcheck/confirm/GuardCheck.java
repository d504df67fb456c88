package dev.mrcheck.confirm;

import dev.mrcheck.rules.Witness;
import dev.mrcheck.rules.WitnessGuard;
import dev.mrcheck.runtime.FieldStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Walks a witness' guards in lifecycle order (instance_init, realize, run time, unrealize,
 * instance_finalize; in the order the rule recorded them within a phase), writing the values the
 * path sets into a {@link FieldStore} and checking each condition the path assumes against them.
 * The first condition that cannot hold refutes the witness: its path cannot happen.
 */
final class GuardCheck {
  private GuardCheck() {}

  /** Why the witness' path is infeasible, or empty when every guard may hold. */
  static Optional<String> refutation(Witness w) {
    List<WitnessGuard> ordered =
        w.guards().stream()
            .sorted(Comparator.comparing(g -> WitnessReplay.lifecyclePhase(g.phase())))
            .toList();
    FieldStore store = new FieldStore();
    for (WitnessGuard g : ordered) {
      if (g.kind() == WitnessGuard.Kind.WRITES) {
        store.write(g.key(), g.subject(), g.value());
        continue;
      }
      Optional<String> why = everyAlternativeContradicted(g, store);
      if (why.isPresent()) return Optional.of(g.describe() + ", but " + why.get());
    }
    return Optional.empty();
  }

  /** Why none of what {@code g} assumes can hold, or empty when one of them can. */
  private static Optional<String> everyAlternativeContradicted(WitnessGuard g, FieldStore store) {
    Optional<String> first = store.contradiction(g.key(), g.value());
    if (first.isEmpty()) return first;
    StringBuilder why = new StringBuilder(first.get());
    for (WitnessGuard alt : g.orElse()) {
      Optional<String> also = store.contradiction(alt.key(), alt.value());
      if (also.isEmpty()) return also;
      why.append(", and ").append(also.get());
    }
    return Optional.of(why.toString());
  }
}
