package dev.mrcheck.fix;

import dev.mrcheck.rules.Finding;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The mechanical fixes, one per rule that has one. This is the one place that computes an edit: the
 * language server's quick fixes, {@code mrcheck fix} and SARIF {@code fixes} all come from here. A
 * fix is offered only when the edit is certain to be well-formed where it goes; otherwise none.
 */
public final class Fixes {
  private static final Map<String, BiFunction<Finding, SourceTexts, Optional<Fix>>> FIXERS =
      Map.of(
          "MR002", DelSubregionFirst::fix,
          "MR004", DropUnparentInFinalize::fix);

  private Fixes() {}

  /** Rule ids that have a mechanical fix. */
  public static Set<String> rules() {
    return FIXERS.keySet();
  }

  static boolean isC(String file) {
    return file.endsWith(".c") || file.endsWith(".h") || file.endsWith(".inc");
  }

  public static Optional<Fix> forFinding(Finding f, SourceTexts texts) {
    var fixer = FIXERS.get(f.ruleId());
    // The fixers read and write C; a finding in a Java source gets none.
    if (fixer == null || !isC(f.loc().file())) return Optional.empty();
    try {
      return fixer.apply(f, texts);
    } catch (RuntimeException e) {
      return Optional
          .empty(); // a fix is a convenience: odd source text means no fix, never a failed scan
    }
  }
}
