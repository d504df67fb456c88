package dev.mrcheck.selftest;

import java.util.ArrayList;
import java.util.List;

/**
 * Disagreements between analyzer and model that are understood and left to the analysis. A gap goes
 * here only with a comment saying why, recognized narrowly from the program's shape, so that
 * anything new still fails the property. There is none at present. (The earlier ones are modelled:
 * a container unparented while it is itself mapped, {@code Fact.Mapped.liveUnder}; under refcount,
 * instance_finalize's unparent of a region a failing realize left mapped in a foreign container,
 * where the region was the device's on that path and owner-less on another, is MR004's no-op, not
 * MR002: {@code UnparentWhileMappedRule} judges each mapping by the owner the region had when it
 * was mapped.)
 */
final class KnownGaps {
  private KnownGaps() {}

  /** The disagreements of {@code r} that no known gap explains, as "rule kind line (semantics)". */
  static List<String> unexplained(SelfCheck.Report r) {
    List<String> out = new ArrayList<>();
    for (SelfCheck.Comparison c : r.comparisons()) {
      if (!c.disagrees()) continue;
      for (Violation v : c.extra())
        out.add(v + " extra (" + c.language() + ", " + c.semantics().label() + ")");
      if (!c.exact()) continue;
      for (Violation v : c.missed())
        out.add(v + " missed (" + c.language() + ", " + c.semantics().label() + ")");
    }
    return out;
  }
}
