package dev.mrcheck.report;

import dev.mrcheck.ToolInfo;
import dev.mrcheck.confirm.Confirmation;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.ScanStats;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The one-line summary printed on stderr after a scan. It holds the wall time, which is why it
 * never goes to stdout or into a report file: those stay byte-identical across runs.
 */
public final class Summary {
  private Summary() {}

  public static String line(ScanResult result) {
    ScanStats s = result.stats();
    StringBuilder b = new StringBuilder(ToolInfo.NAME).append(": ");
    b.append(count(s.filesFound(), "file"))
        .append(" (")
        .append(s.filesParsed())
        .append(" parsed, ")
        .append(count(s.linesParsed(), "line"))
        .append("), ");
    b.append(count(s.functions(), "function"));
    if (s.droppedFunctions() > 0) b.append(" (").append(s.droppedFunctions()).append(" dropped)");
    if (s.inactiveFunctions() > 0) {
      b.append(", ")
          .append(count(s.inactiveFunctions(), "function"))
          .append(" in inactive #if branches");
      if (s.recoveredFunctions() > 0) {
        b.append(" (")
            .append(s.recoveredFunctions())
            .append(" analysed by a second parse, ")
            .append(s.skippedFunctions())
            .append(" skipped)");
      }
    }
    b.append(", ").append(count(result.findings().size(), "finding"));
    Map<String, Integer> perRule = perRule(result);
    if (!perRule.isEmpty()) {
      StringJoiner j = new StringJoiner(", ", " (", ")");
      perRule.forEach((rule, n) -> j.add(rule + ": " + n));
      b.append(j);
    }
    int suppressed = result.suppressions().suppressed().size();
    if (suppressed > 0) b.append(", ").append(suppressed).append(" suppressed");
    confirmations(result, b);
    if (!result.problems().isEmpty()) {
      b.append(", ").append(count(result.problems().size(), "input problem"));
    }
    b.append(", ").append(String.format(Locale.ROOT, "%.1f s", s.wallMillis() / 1000.0));
    b.append(" [semantics ").append(result.semantics()).append(']');
    return b.toString();
  }

  /**
   * How many findings the runtime model confirmed, how many it could not reproduce, how many it
   * refuted (and where they went).
   */
  private static void confirmations(ScanResult result, StringBuilder b) {
    if (result.confirmations().isEmpty()) return;
    Set<Finding> shown = new HashSet<>(result.findings());
    int confirmed = 0;
    int kept = 0;
    int dropped = 0;
    int refuted = 0;
    int keptRefuted = 0;
    for (Map.Entry<Finding, Confirmation> e : result.confirmations().entrySet()) {
      if (e.getValue().confirmed() && shown.contains(e.getKey())) confirmed++;
      if (e.getValue().refuted()) {
        refuted++;
        if (shown.contains(e.getKey())) keptRefuted++;
      } else if (e.getValue().dropped()) {
        if (shown.contains(e.getKey())) kept++;
        else dropped++;
      }
    }
    b.append(", ").append(confirmed).append(" confirmed by the runtime model");
    if (kept > 0) b.append(", ").append(kept).append(" unconfirmed");
    if (dropped > 0)
      b.append(", ").append(dropped).append(" not reproduced (dropped; --unconfirmed keeps them)");
    if (refuted > 0) {
      b.append(", ")
          .append(refuted)
          .append(" refuted by the model (path infeasible; ")
          .append(keptRefuted == refuted ? "kept, marked)" : "dropped; --unconfirmed keeps them)");
    }
  }

  private static Map<String, Integer> perRule(ScanResult result) {
    Map<String, Integer> perRule = new TreeMap<>();
    for (Finding f : result.findings()) perRule.merge(f.ruleId(), 1, Integer::sum);
    return perRule;
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
