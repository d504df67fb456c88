package dev.mrcheck.suppress;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The suppression comments a scan read, and the findings they hid. Hidden findings stay here, out
 * of {@code ScanResult.findings()}: SARIF lists them with {@code suppressions}, the text report
 * only counts them.
 */
public record Suppressions(List<Suppression> comments, List<Suppressed> suppressed) {
  public static final Suppressions NONE = new Suppressions(List.of(), List.of());

  public Suppressions {
    comments = List.copyOf(comments);
    suppressed = List.copyOf(suppressed);
  }

  /** Comments that hid nothing, in file and line order. */
  public List<Suppression> unused() {
    Set<Suppression> used = new HashSet<>();
    for (Suppressed s : suppressed) used.add(s.by());
    return comments.stream().filter(c -> !used.contains(c)).toList();
  }
}
