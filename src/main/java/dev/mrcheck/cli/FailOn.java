package dev.mrcheck.cli;

import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Severity;
import java.util.List;

/** The {@code --fail-on} threshold: the least severe finding that makes the exit code 1. */
enum FailOn {
  ERROR(Severity.ERROR),
  WARNING(Severity.WARNING),
  NOTE(Severity.NOTE),
  NONE(null);

  private final Severity threshold;

  FailOn(Severity threshold) {
    this.threshold = threshold;
  }

  boolean fails(List<Finding> findings) {
    return threshold != null && findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
  }
}
