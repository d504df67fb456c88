package dev.mrcheck.baseline;

import dev.mrcheck.rules.Finding;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scan's findings against a baseline: {@code fresh} ones are not in it (these are reported and
 * decide the exit code), {@code unchanged} ones are, and {@code absent} entries of the baseline
 * match no finding any more (fixed, or the code is gone). Matching is by rule and fingerprint,
 * counting duplicates: a third finding with a fingerprint the baseline holds twice is new.
 */
public record BaselineComparison(
    List<Finding> fresh, List<Finding> unchanged, List<Baseline.Entry> absent) {
  public BaselineComparison {
    fresh = List.copyOf(fresh);
    unchanged = List.copyOf(unchanged);
    absent = List.copyOf(absent);
  }

  public static BaselineComparison of(List<Finding> findings, Baseline baseline) {
    Map<String, Deque<Baseline.Entry>> remaining = new LinkedHashMap<>();
    for (Baseline.Entry e : baseline.entries())
      remaining.computeIfAbsent(e.key(), k -> new ArrayDeque<>()).add(e);
    List<Finding> fresh = new ArrayList<>();
    List<Finding> unchanged = new ArrayList<>();
    for (Finding f : findings) {
      Deque<Baseline.Entry> left = remaining.get(f.ruleId() + "|" + f.fingerprint());
      if (left != null && !left.isEmpty()) {
        left.poll();
        unchanged.add(f);
      } else {
        fresh.add(f);
      }
    }
    List<Baseline.Entry> absent = new ArrayList<>();
    for (Deque<Baseline.Entry> left : remaining.values()) absent.addAll(left);
    return new BaselineComparison(fresh, unchanged, new Baseline(absent).entries());
  }
}
