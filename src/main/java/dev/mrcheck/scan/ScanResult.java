package dev.mrcheck.scan;

import dev.mrcheck.confirm.Confirmation;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.suppress.Suppressions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The outcome of one scan: findings sorted by location, input problems, figures, and for each
 * finding the runtime model's confirmation of its witness (absent when confirmation did not run).
 * {@code suppressions} holds the {@code mrcheck: ignore} comments read and the findings they hid,
 * which are not in {@code findings}.
 */
public record ScanResult(
    Path root,
    String semantics,
    List<Finding> findings,
    List<FileProblem> problems,
    ScanStats stats,
    Map<Finding, Confirmation> confirmations,
    Suppressions suppressions) {
  public ScanResult {
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
    confirmations = Map.copyOf(confirmations);
  }

  public ScanResult(
      Path root,
      String semantics,
      List<Finding> findings,
      List<FileProblem> problems,
      ScanStats stats,
      Map<Finding, Confirmation> confirmations) {
    this(root, semantics, findings, problems, stats, confirmations, Suppressions.NONE);
  }

  /** A result without confirmations (reports then show the findings as the rules made them). */
  public ScanResult(
      Path root,
      String semantics,
      List<Finding> findings,
      List<FileProblem> problems,
      ScanStats stats) {
    this(root, semantics, findings, problems, stats, Map.of());
  }

  public Optional<Confirmation> confirmation(Finding finding) {
    return Optional.ofNullable(confirmations.get(finding));
  }

  public ScanResult withFindings(List<Finding> shown) {
    return new ScanResult(root, semantics, shown, problems, stats, confirmations, suppressions);
  }

  /**
   * Only the findings {@code keep} accepts; the others' confirmations stay, so reports can still
   * read them.
   */
  public ScanResult filter(Predicate<Finding> keep) {
    return withFindings(findings.stream().filter(keep).toList());
  }

  public ScanResult withSuppressions(Suppressions s) {
    return new ScanResult(root, semantics, findings, problems, stats, confirmations, s);
  }
}
