package dev.mrcheck.analysis;

import dev.mrcheck.ir.Function;
import dev.mrcheck.model.Semantics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The abstract states a device's run-time code can leave it in. Its callbacks run any number of
 * times, in any order, between realize and unrealize (docs/lifetime.md#phases): starting from the
 * state after realize, every callback is replayed from every state reached so far, and a state it
 * leaves that is not among them is reached too, until no callback finds a new one (a fixpoint) or
 * the budget of distinct states is spent. Each state remembers the invocations that led to it, for
 * the trace. States are compared on their facts: a callback that only points a field at a new
 * buffer (s->buf = g_malloc(..)) changes no region's state, and replaying every callback again from
 * there would find nothing new.
 */
public final class RuntimeStates {
  /**
   * Invocations in a row the walk follows, plus one: a state is reached by at most {@code
   * MAX_STATES - 1} invocations, and every callback is replayed from it once more. With one
   * callback that is at most {@code MAX_STATES} states; with several, every order up to that depth.
   */
  public static final int MAX_STATES = 4;

  /**
   * Distinct states per device, the post-realize one included: all orders of two callbacks to the
   * depth above (1 + 2 + 4 + 8), so that a device with a read and a write handler is walked whole;
   * a device with more callbacks is cut here (counted as budget hits).
   */
  static final int BUDGET = 16;

  /** What the fixpoint cost: callbacks replayed, and new states dropped for the budget. */
  public record Counts(int invocations, int budgetHits) {
    public static final Counts NONE = new Counts(0, 0);

    Counts plus(Counts o) {
      return new Counts(invocations + o.invocations, budgetHits + o.budgetHits);
    }
  }

  /** A state reached, and the run-time callbacks that reached it from the post-realize state. */
  record Reached(RegionState state, List<Function> invocations) {
    Reached {
      invocations = List.copyOf(invocations);
    }

    /** "a(), then b()": how the trace names the sequence. */
    String sequence() {
      StringBuilder sb = new StringBuilder();
      for (Function f : invocations) {
        if (sb.length() > 0) sb.append(", then ");
        sb.append(f.name()).append("()");
      }
      return sb.toString();
    }
  }

  private final List<Reached> reached = new ArrayList<>();
  private final Set<Object> seen = new HashSet<>();
  private int invocations;
  private int budgetHits;

  private final Semantics semantics;

  RuntimeStates(RegionState afterRealize, Semantics semantics) {
    this.semantics = semantics;
    RegionState start = afterRealize.copy();
    seen.add(Set.copyOf(start.facts()));
    reached.add(new Reached(start, List.of()));
  }

  /** The states reached so far, the post-realize one first; grows while it is walked. */
  List<Reached> reached() {
    return reached;
  }

  /** One more callback replayed. */
  void invoked() {
    invocations++;
  }

  /**
   * Takes in the state {@code root} left when it ran from {@code from}; false if the state was
   * reached before or the budget is spent (counted).
   */
  boolean offer(Reached from, Function root, RegionState exit) {
    RegionState next = settled(exit, semantics);
    Set<Fact> key = Set.copyOf(next.facts());
    if (seen.contains(key)) return false;
    if (from.invocations().size() + 1 >= MAX_STATES || reached.size() >= BUDGET) {
      budgetHits++;
      return false;
    }
    seen.add(key);
    List<Function> seq = new ArrayList<>(from.invocations());
    seq.add(root);
    reached.add(new Reached(next, seq));
    return true;
  }

  Counts counts() {
    return new Counts(invocations, budgetHits);
  }

  /**
   * The device between two callbacks: no frame's locals, no error reported, the RCU callbacks of
   * earlier destroys run. A reference a callback took and kept is still held when the next one
   * runs, which may give it back (a map callback and its unmap), and an unref in teardown gives
   * back the youngest reference, a callback's included: a reference realize took is left over only
   * when the callbacks' own are given back first. (A reference a callback lost with its locals is
   * judged at its return, MR006.) Each invocation's reference is one more, so a callback that keeps
   * one never reaches a fixpoint: the budget bounds it.
   */
  private static RegionState settled(RegionState exit, Semantics semantics) {
    RegionState s = exit.copy();
    s.swapLocals(new HashMap<>());
    s.forgetLoopReleases();
    s.removeIf(f -> f instanceof Fact.ErrorReported);
    Finalization.gracePeriodPassed(s, null, semantics);
    return s;
  }
}
