package dev.mrcheck.analysis;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A call chain that hashes once. Facts carry the chain that made them, and states hash their facts
 * at every copy and join: recomputing a chain's hash there, step by step, was the replays' largest
 * single cost. Equal to any list of the same steps, as a list must be.
 */
final class TraceChain extends AbstractList<TraceStep> implements RandomAccess {
  private final List<TraceStep> steps;
  private final int hash;

  private TraceChain(List<TraceStep> steps) {
    this.steps = steps;
    this.hash = steps.hashCode();
  }

  static List<TraceStep> of(List<TraceStep> steps) {
    return steps instanceof TraceChain ? steps : new TraceChain(List.copyOf(steps));
  }

  @Override
  public TraceStep get(int index) {
    return steps.get(index);
  }

  @Override
  public int size() {
    return steps.size();
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) return true;
    if (o instanceof TraceChain t && t.hash != hash) return false;
    return steps.equals(o);
  }
}
