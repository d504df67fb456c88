package dev.mrcheck.scan;

import dev.mrcheck.rules.Finding;
import java.nio.file.Path;
import java.util.List;

/** The outcome of one scan: findings sorted by location, input problems, figures. */
public record ScanResult(
    Path root, String semantics, List<Finding> findings, List<FileProblem> problems, ScanStats stats) {
  public ScanResult {
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
  }
}
