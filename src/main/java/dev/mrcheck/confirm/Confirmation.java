package dev.mrcheck.confirm;

import dev.mrcheck.runtime.ObjectGraph;
import dev.mrcheck.runtime.Outcome;
import dev.mrcheck.runtime.TraceEntry;
import java.util.List;

/**
 * What the runtime model made of one finding's witness under one semantics. {@code replayTrace} is
 * every model step (for {@code mrcheck explain}); {@code witnessTrace} the part worth showing under
 * the diagnostic: the replayed calls, what each did to the reference counts, and the outcome.
 * {@code outcomes} is everything the model saw go wrong; {@code verdict} says in one line why the
 * finding is or is not confirmed. {@code graph} is the object graph of the replay, with the
 * confirming outcome's edges highlighted. {@code refutation}, when not null, is why the witness'
 * path cannot happen: the guard that cannot hold and the value that contradicts it.
 */
public record Confirmation(
    boolean confirmed,
    List<TraceEntry> replayTrace,
    String semantics,
    String scenario,
    String verdict,
    List<TraceEntry> witnessTrace,
    List<Outcome> outcomes,
    ObjectGraph graph,
    String refutation) {
  private static final String NO_REPLAY = "none";

  public Confirmation {
    replayTrace = List.copyOf(replayTrace);
    witnessTrace = List.copyOf(witnessTrace);
    outcomes = List.copyOf(outcomes);
    graph = graph == null ? ObjectGraph.EMPTY : graph;
    if (refutation != null && confirmed)
      throw new IllegalArgumentException("a refuted witness is not confirmed");
  }

  /** A replay whose path the model found feasible: confirmed or not reproduced. */
  public Confirmation(
      boolean confirmed,
      List<TraceEntry> replayTrace,
      String semantics,
      String scenario,
      String verdict,
      List<TraceEntry> witnessTrace,
      List<Outcome> outcomes,
      ObjectGraph graph) {
    this(confirmed, replayTrace, semantics, scenario, verdict, witnessTrace, outcomes, graph, null);
  }

  public Confirmation(
      boolean confirmed,
      List<TraceEntry> replayTrace,
      String semantics,
      String scenario,
      String verdict,
      List<TraceEntry> witnessTrace,
      List<Outcome> outcomes) {
    this(
        confirmed,
        replayTrace,
        semantics,
        scenario,
        verdict,
        witnessTrace,
        outcomes,
        ObjectGraph.EMPTY);
  }

  /**
   * Whether the model replayed a witness (a finding without one is neither confirmed nor refuted).
   */
  public boolean replayed() {
    return !scenario.equals(NO_REPLAY);
  }

  /**
   * The model replayed the witness and did not confirm it (not reproduced, or refuted): the finding
   * is dropped unless {@code --unconfirmed} keeps it.
   */
  public boolean dropped() {
    return replayed() && !confirmed;
  }

  /**
   * The model found the witness' path infeasible: a condition it relies on contradicts a value the
   * path itself set ({@code refutation} says which and why).
   */
  public boolean refuted() {
    return refutation != null;
  }

  /** A finding that carries no witness: nothing to replay, so nothing can be confirmed. */
  public static Confirmation noWitness(String semantics) {
    return new Confirmation(
        false,
        List.of(),
        semantics,
        NO_REPLAY,
        "the rule gave no witness to replay",
        List.of(),
        List.of());
  }
}
