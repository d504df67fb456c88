package dev.mrcheck.runtime;

import java.util.List;

/** What one replayed scenario produced: its outcomes, its trace, and whether the device died. */
public record LifecycleResult(String scenario, List<Outcome> outcomes, List<TraceEntry> trace, boolean deviceFinalized) {
  public LifecycleResult {
    outcomes = List.copyOf(outcomes);
    trace = List.copyOf(trace);
  }

  public boolean clean() {
    return outcomes.isEmpty();
  }

  public <T extends Outcome> List<T> outcomes(Class<T> type) {
    return outcomes.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
