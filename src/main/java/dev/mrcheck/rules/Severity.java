package dev.mrcheck.rules;

import java.util.Locale;

/** Finding levels, ordered from most to least severe; names match SARIF levels. */
public enum Severity {
  ERROR,
  WARNING,
  NOTE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }
}
