package dev.mrcheck.runtime;

import java.util.List;

/**
 * What one replayed scenario produced: its outcomes, its trace, whether the device died, and the
 * object graph the replay built (for drawing).
 */
public record LifecycleResult(
    String scenario,
    List<Outcome> outcomes,
    List<TraceEntry> trace,
    boolean deviceFinalized,
    ObjectGraph graph) {
  public LifecycleResult {
    outcomes = List.copyOf(outcomes);
    trace = List.copyOf(trace);
    graph = graph == null ? ObjectGraph.EMPTY : graph;
  }

  public LifecycleResult(
      String scenario, List<Outcome> outcomes, List<TraceEntry> trace, boolean deviceFinalized) {
    this(scenario, outcomes, trace, deviceFinalized, ObjectGraph.EMPTY);
  }

  public boolean clean() {
    return outcomes.isEmpty();
  }

  public <T extends Outcome> List<T> outcomes(Class<T> type) {
    return outcomes.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
