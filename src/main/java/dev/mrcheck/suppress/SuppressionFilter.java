package dev.mrcheck.suppress;

import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Fingerprint;
import dev.mrcheck.rules.Rule;
import dev.mrcheck.rules.RuleInfo;
import dev.mrcheck.rules.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies suppression comments to findings: a finding on a line a comment covers, for a rule the
 * comment names, is hidden; a comment without a reason (or without a rule) becomes an MRS01 note;
 * on request, a comment that hid nothing becomes an MRS02 note.
 */
public final class SuppressionFilter {
  public static final RuleInfo WITHOUT_REASON = new SuppressionWithoutReasonRule().info();
  public static final RuleInfo UNUSED = new UnusedSuppressionRule().info();

  /** The findings that stay visible (with MRS01 notes added, sorted) and the suppression record. */
  public record Outcome(List<Finding> findings, Suppressions suppressions) {}

  private SuppressionFilter() {}

  /** The pseudo-rules' catalogue entries, for {@code mrcheck rules} and SARIF. */
  public static List<Rule> rules() {
    return List.of(new SuppressionWithoutReasonRule(), new UnusedSuppressionRule());
  }

  /**
   * {@code selected}: the {@code --rules} selection (empty: all), which MRS01 obeys like any rule.
   */
  public static Outcome apply(
      List<Finding> findings, List<Suppression> comments, Set<String> selected) {
    Map<String, List<Suppression>> byFile = new HashMap<>();
    for (Suppression s : comments)
      byFile.computeIfAbsent(s.loc().file(), k -> new ArrayList<>()).add(s);
    List<Finding> kept = new ArrayList<>();
    List<Suppressed> hidden = new ArrayList<>();
    for (Finding f : findings) {
      Suppression by =
          byFile.getOrDefault(f.loc().file(), List.of()).stream()
              .filter(s -> s.covers(f.loc().file(), f.loc().line(), f.ruleId()))
              .findFirst()
              .orElse(null);
      if (by == null) kept.add(f);
      else hidden.add(new Suppressed(f, by));
    }
    if (selected.isEmpty() || selected.contains(WITHOUT_REASON.id())) {
      for (Suppression s : comments) {
        if (s.rules().isEmpty()) {
          kept.add(
              note(
                  WITHOUT_REASON,
                  s,
                  "'mrcheck: ignore' names no rule id, so it hides nothing: write e.g. "
                      + "'mrcheck: ignore MR002 -- reason'"));
        } else if (!s.hasReason()) {
          kept.add(
              note(
                  WITHOUT_REASON,
                  s,
                  "suppression of "
                      + String.join(", ", s.rules())
                      + " gives no reason: add '-- why this finding does not apply'"));
        }
      }
    }
    kept.sort(null);
    return new Outcome(kept, new Suppressions(comments, hidden));
  }

  /**
   * MRS02 notes for the comments that hid nothing, naming only rules that ran ({@code ran}): a
   * comment for a rule left out by {@code --rules} is not known to be stale.
   */
  public static List<Finding> unused(Suppressions suppressions, Set<String> ran) {
    List<Finding> out = new ArrayList<>();
    for (Suppression s : suppressions.unused()) {
      if (s.rules().isEmpty() || !ran.containsAll(s.rules())) continue;
      out.add(
          note(
              UNUSED,
              s,
              "unused suppression: no "
                  + String.join(", ", s.rules())
                  + " finding on the line it covers; delete it or move it next to the finding"));
    }
    return out;
  }

  private static Finding note(RuleInfo rule, Suppression s, String message) {
    return new Finding(
        rule.id(),
        Severity.NOTE,
        s.loc(),
        message,
        List.of(),
        Fingerprint.of(rule.id(), s.loc().file(), s.text()));
  }
}
