package dev.mrcheck.selftest;

import dev.mrcheck.analysis.RuntimeStates;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.runtime.RuntimeModel;
import dev.mrcheck.runtime.TraceEntry;
import dev.mrcheck.selftest.CallbackSequences.Callback;
import dev.mrcheck.selftest.ModelState.Call;
import dev.mrcheck.selftest.ModelState.Scenario;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reference: executes a program's lifecycle in the {@link RuntimeModel}, in every scenario and
 * on every path through its error branches (each {@code if} taken or not, independently, as the
 * analysis assumes), and collects the violations the {@link RuleOracles} see.
 */
public final class ModelOracle {
  /**
   * Paths per scenario beyond which the rest is not explored (programs are generated far below it).
   */
  static final int MAX_PATHS = 256;

  private final List<RuleOracle> oracles;

  public ModelOracle(List<RuleOracle> oracles) {
    this.oracles = List.copyOf(oracles);
  }

  /**
   * What the model found under one semantics: the union over scenarios and paths, and for each
   * violation the trace of the first execution that showed it.
   */
  public record Result(
      Set<Violation> violations,
      Map<Violation, Witness> witnesses,
      int paths,
      Map<Role, Set<Integer>> executedLines,
      boolean malformed,
      List<Witness> firstPaths) {
    /** Whether the model ran {@code line} at all, or in {@code phase} when it is not null. */
    public boolean executed(int line, Role phase) {
      if (phase != null) return executedLines.getOrDefault(phase, Set.of()).contains(line);
      return executedLines.values().stream().anyMatch(lines -> lines.contains(line));
    }
  }

  /**
   * The execution that showed a violation: scenario, the error branches taken, and the model's
   * trace.
   */
  public record Witness(Run run, List<Boolean> branches, List<TraceEntry> trace) {
    public String describe() {
      StringBuilder b = new StringBuilder(run.scenario().name().toLowerCase(Locale.ROOT));
      if (run.invocations() > 0) {
        b.append(", run-time callbacks:");
        for (Callback c : run.sequence()) b.append(' ').append(c.shown());
      }
      if (!branches.isEmpty()) b.append(", error branches taken: ").append(branches);
      b.append('\n');
      for (TraceEntry e : trace) {
        b.append("    ")
            .append(e.loc() == null ? "" : "line " + e.loc().line() + ": ")
            .append(e.message())
            .append('\n');
      }
      return b.toString();
    }
  }

  /** A scenario, and the run-time callbacks that run in it, in order, before teardown. */
  public record Run(Scenario scenario, List<Callback> sequence) {
    public Run {
      sequence = List.copyOf(sequence);
    }

    int invocations() {
      return sequence.size();
    }
  }

  /**
   * Invocations of the run-time callbacks the model runs at most: as many as the analysis replays
   * ({@link RuntimeStates}: the callbacks run from each of at most {@code MAX_STATES} states). The
   * device is torn down after each count below that, as the analysis tears it down from each state
   * it reached past the post-realize one; after the last it lives on ({@link CallbackSequences}).
   */
  static final int MAX_INVOCATIONS = CallbackSequences.MAX_INVOCATIONS;

  /**
   * The scenarios a program runs in. Without run-time code: the lifecycle's. With it, every
   * sequence of 1, 2, ... invocations of its callbacks runs after realize, then the device is torn
   * down as it can be: unplugged (unrealize, then the last reference) if it is hot-pluggable,
   * finalized with the machine if it is not; and every sequence of {@link #MAX_INVOCATIONS}, the
   * device living on. With a factory-made object, that object's own lifecycle too ({@link
   * Scenario#FACTORY_OBJECT}).
   */
  static List<Run> runs(DeviceProgram program) {
    List<Run> runs = new ArrayList<>();
    List<Scenario> lifecycle =
        program.hotPluggable()
            ? List.of(Scenario.INTROSPECTION, Scenario.LIFETIME, Scenario.TEARDOWN)
            : List.of(
                Scenario.INTROSPECTION,
                Scenario.LIFETIME,
                Scenario.UNREALIZE_ANYWAY,
                Scenario.TEARDOWN);
    for (Scenario s : lifecycle) runs.add(new Run(s, List.of()));
    if (program.factory() != null) runs.add(new Run(Scenario.FACTORY_OBJECT, List.of()));
    if (CallbackSequences.callbacks(program).isEmpty()) return runs;
    Scenario teardown = program.hotPluggable() ? Scenario.LIFETIME : Scenario.TEARDOWN;
    for (int n = 1; n < MAX_INVOCATIONS; n++) {
      for (List<Callback> seq : CallbackSequences.ofLength(program, n))
        runs.add(new Run(teardown, seq));
    }
    for (List<Callback> seq : CallbackSequences.ofLength(program, MAX_INVOCATIONS))
      runs.add(new Run(Scenario.RUNTIME, seq));
    return runs;
  }

  public Result run(DeviceProgram program, RenderedSource source, Semantics semantics) {
    Set<Violation> all = new TreeSet<>();
    Map<Violation, Witness> witnesses = new LinkedHashMap<>();
    int paths = 0;
    List<Run> runs = runs(program);
    // Keyed by phase; run-time code has none (null).
    Map<Role, Set<Integer>> executed = new HashMap<>();
    boolean malformed = false;
    // What a reader of an extra finding needs: the model's view of each scenario, violation or not.
    List<Witness> firstPaths = new ArrayList<>();
    for (Run run : runs) {
      Scenario scenario = run.scenario();
      Deque<List<Boolean>> todo = new ArrayDeque<>();
      todo.push(List.of());
      int explored = 0;
      while (!todo.isEmpty() && explored < MAX_PATHS) {
        Execution e =
            new Execution(
                oracles, program, source, semantics, scenario, run.sequence(), todo.pop(), todo);
        e.run();
        if (explored == 0) firstPaths.add(new Witness(run, e.decisions, e.model.trace()));
        explored++;
        for (Call c : e.calls)
          executed.computeIfAbsent(c.phase(), k -> new TreeSet<>()).add(c.line());
        // instance_finalize after introspection or a failed realize meets regions realize never
        // made: normal.
        malformed |=
            e.malformed
                    && (scenario == Scenario.LIFETIME
                        || scenario == Scenario.UNREALIZE_ANYWAY
                        || scenario == Scenario.RUNTIME)
                || e.undefined;
        for (Violation v : e.found) {
          if (all.add(v)) witnesses.put(v, new Witness(run, e.decisions, e.model.trace()));
        }
      }
      paths += explored;
    }
    return new Result(all, witnesses, paths, executed, malformed, firstPaths);
  }
}
