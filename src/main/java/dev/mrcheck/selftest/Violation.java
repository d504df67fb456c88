package dev.mrcheck.selftest;

/** A rule violation at a source line: what the model observed, or what the analyzer reported. */
public record Violation(String ruleId, int line) implements Comparable<Violation> {
  @Override
  public int compareTo(Violation o) {
    int c = Integer.compare(line, o.line);
    return c != 0 ? c : ruleId.compareTo(o.ruleId);
  }

  @Override
  public String toString() {
    return ruleId + "@" + line;
  }
}
