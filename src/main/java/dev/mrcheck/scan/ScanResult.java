package dev.mrcheck.scan;

import dev.mrcheck.rules.Finding;
import dev.mrcheck.runtime.confirm.Confirmation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one scan: findings sorted by location, input problems, figures, and for each
 * finding the runtime model's confirmation of its witness (absent when confirmation did not run).
 */
public record ScanResult(
    Path root, String semantics, List<Finding> findings, List<FileProblem> problems, ScanStats stats,
    Map<Finding, Confirmation> confirmations) {
  public ScanResult {
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
    confirmations = Map.copyOf(confirmations);
  }

  /** A result without confirmations (reports then show the findings as the rules made them). */
  public ScanResult(Path root, String semantics, List<Finding> findings, List<FileProblem> problems, ScanStats stats) {
    this(root, semantics, findings, problems, stats, Map.of());
  }

  public Optional<Confirmation> confirmation(Finding finding) {
    return Optional.ofNullable(confirmations.get(finding));
  }
}
