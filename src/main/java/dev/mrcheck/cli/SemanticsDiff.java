package dev.mrcheck.cli;

import dev.mrcheck.confirm.Confirmation;
import dev.mrcheck.report.JsonReport;
import dev.mrcheck.report.Report;
import dev.mrcheck.report.SourceRoot;
import dev.mrcheck.report.TextReport;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.scan.ScanResult;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The findings of two scans of one tree under two semantics, matched by fingerprint and location:
 * those that appear only under the first, and those that disappear with it (only under the second).
 */
record SemanticsDiff(ScanResult appearing, ScanResult disappearing) {
  static SemanticsDiff of(ScanResult first, ScanResult second) {
    return new SemanticsDiff(only(first, second), only(second, first));
  }

  /** {@code a}'s findings that {@code b} does not have, with their confirmations. */
  private static ScanResult only(ScanResult a, ScanResult b) {
    Set<String> inB =
        b.findings().stream()
            .map(SemanticsDiff::key)
            .collect(Collectors.toCollection(HashSet::new));
    List<Finding> only = a.findings().stream().filter(f -> !inB.contains(key(f))).toList();
    Map<Finding, Confirmation> confirmations =
        a.confirmations().entrySet().stream()
            .filter(e -> only.contains(e.getKey()))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    return new ScanResult(a.root(), a.semantics(), only, List.of(), a.stats(), confirmations);
  }

  private static String key(Finding f) {
    return f.ruleId() + "|" + f.fingerprint() + "|" + f.loc();
  }

  String summary() {
    return "mrcheck: "
        + appearing.findings().size()
        + " finding(s) only under "
        + appearing.semantics()
        + ", "
        + disappearing.findings().size()
        + " only under "
        + disappearing.semantics();
  }

  Report textReport(String displayRoot, boolean replay) {
    TextReport text = new TextReport(displayRoot).withReplay(replay);
    return (ignored, out) -> {
      out.write(
          "== "
              + appearing.findings().size()
              + " finding(s) only under --semantics "
              + appearing.semantics()
              + " (they appear when moving from "
              + disappearing.semantics()
              + ") ==\n");
      text.write(appearing, out);
      out.write(
          "== "
              + disappearing.findings().size()
              + " finding(s) only under --semantics "
              + disappearing.semantics()
              + " (they disappear with "
              + appearing.semantics()
              + ") ==\n");
      text.write(disappearing, out);
    };
  }

  Report jsonReport(SourceRoot base) {
    return (ignored, out) -> new JsonReport(base).writeComparison(appearing, disappearing, out);
  }
}
