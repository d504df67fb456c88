package dev.mrcheck.selftest;

import java.util.ArrayList;
import java.util.List;

/**
 * Disagreements between analyzer and model that are understood and left to the analysis. There are
 * none: a gap goes here only with a comment saying why, recognized narrowly from the program's
 * shape, so that anything new still fails the property. (The last one, a container unparented while
 * it is itself mapped, is now modelled: {@code Fact.Mapped.liveUnder}.)
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
