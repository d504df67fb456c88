package dev.mrcheck.golden;

import dev.mrcheck.rules.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The difference between the findings a golden corpus expects and those a scan reported.
 *
 * <p>Findings and expectations meet on (file, line, rule id). An expectation is met when at least
 * one finding there has a message it accepts; a finding is explained when at least one
 * expectation there accepts its message. Several findings on one line (a helper reached from two
 * call sites) are therefore explained by one BUG line: the corpus pins locations, not counts.
 */
public final class GoldenDiff {
  private final List<Expectation> missing;
  private final List<Finding> extra;

  private GoldenDiff(List<Expectation> missing, List<Finding> extra) {
    this.missing = List.copyOf(missing);
    this.extra = List.copyOf(extra);
  }

  public static GoldenDiff compare(Collection<Expectation> expected, Collection<Finding> actual) {
    Map<Key, List<Finding>> findingsAt = actual.stream()
        .collect(Collectors.groupingBy(GoldenDiff::keyOf));
    Map<Key, List<Expectation>> expectedAt = expected.stream()
        .collect(Collectors.groupingBy(GoldenDiff::keyOf));

    List<Expectation> missing = new ArrayList<>();
    for (Expectation e : expected) {
      List<Finding> here = findingsAt.getOrDefault(keyOf(e), List.of());
      if (here.stream().noneMatch(f -> e.acceptsMessage(f.message()))) missing.add(e);
    }
    List<Finding> extra = new ArrayList<>();
    for (Finding f : actual) {
      List<Expectation> here = expectedAt.getOrDefault(keyOf(f), List.of());
      if (here.stream().noneMatch(e -> e.acceptsMessage(f.message()))) extra.add(f);
    }
    missing.sort(null);
    extra.sort(null);
    return new GoldenDiff(missing, extra);
  }

  public List<Expectation> missing() {
    return missing;
  }

  public List<Finding> extra() {
    return extra;
  }

  public boolean isEmpty() {
    return missing.isEmpty() && extra.isEmpty();
  }

  /** Every difference, one per line: {@code file:line: [MR00x] message}. */
  public String describe() {
    if (isEmpty()) return "no differences";
    StringBuilder sb = new StringBuilder();
    if (!missing.isEmpty()) {
      sb.append("missing findings (").append(missing.size()).append("):\n");
      missing.forEach(e -> sb.append("  ").append(e).append('\n'));
    }
    if (!extra.isEmpty()) {
      sb.append("unexpected findings (").append(extra.size()).append("):\n");
      extra.forEach(f -> sb.append("  ").append(format(f)).append('\n'));
    }
    return sb.toString();
  }

  static String format(Finding f) {
    return f.loc().file() + ":" + f.loc().line() + ": [" + f.ruleId() + "] " + f.message();
  }

  private static Key keyOf(Finding f) {
    return new Key(f.loc().file(), f.loc().line(), f.ruleId());
  }

  private static Key keyOf(Expectation e) {
    return new Key(e.file(), e.line(), e.ruleId());
  }

  private record Key(String file, int line, String ruleId) {
    Key {
      Objects.requireNonNull(file);
      Objects.requireNonNull(ruleId);
    }
  }
}
