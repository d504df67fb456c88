package dev.mrcheck.suppress;

import dev.mrcheck.rules.Finding;

/** A finding an {@code mrcheck: ignore} comment hides, and that comment. */
public record Suppressed(Finding finding, Suppression by) {
  /**
   * The comment's reason, for SARIF {@code suppressions[].justification}; empty when it gave none.
   */
  public String justification() {
    return by.reason();
  }
}
