package dev.mrcheck.analysis;

import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.model.ApiModel;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs replays for {@link Analyzer}: a device's lifecycle, a run-time root alone, a device's
 * run-time callbacks to a fixpoint. Each replay starts from nothing the replays before it left in
 * this object (its own recorder, memo, budget and allocation types), so the replays of one analysis
 * can run on several replayers, one a thread, and give what one replayer running them in turn
 * gives. Not thread-safe.
 */
final class Replayer {
  /** A run-time root: a callback, and which parameter brings its device (-1: none). */
  record RuntimeRoot(Function function, int selfIndex) {}

  private final Program program;
  private final Semantics semantics;
  private final CallGraph callGraph;
  private final Constructors constructors;
  private final RegionFlow flow;

  /**
   * Which of two replays of the same phase is running ("" for the only one): both keep what they
   * see.
   */
  private String variant = "";

  /** While instance_finalize is replayed for a checkpoint: what it met. */
  private List<Observation> finalizing;

  /** The replay being run: where {@link #record} puts what it sees. */
  private ReplayCache.Recorder current;

  /** What the run-time fixpoint of the replay being run cost. */
  private RuntimeStates.Counts counts = RuntimeStates.Counts.NONE;

  Replayer(
      Program program,
      ApiModel model,
      Semantics semantics,
      CallGraph callGraph,
      FunctionMemo memo,
      ProgramAnswers answers,
      Constructors constructors) {
    this.program = program;
    this.semantics = semantics;
    this.callGraph = callGraph;
    this.constructors = constructors;
    this.flow = new RegionFlow(program, callGraph, model, semantics, this::record, memo, answers);
    flow.onFreeHook(h -> current.freeHooks.add(h));
  }

  /** Device {@code d}'s lifecycle, from instance_init to instance_finalize. */
  ReplayCache.Replay device(DeviceType d) {
    return replayed(d, Map.of(), () -> replay(d));
  }

  /** A run-time root that no replayed device's realize precedes, from an empty state. */
  ReplayCache.Replay root(RuntimeRoot root, DeviceType device) {
    return replayed(
        device,
        Map.of(),
        () -> {
          RuntimeStates.Reached start =
              new RuntimeStates(new RegionState(), semantics).reached().get(0);
          replayRoot(root, device, start, true);
          return null;
        });
  }

  /**
   * Device {@code d}'s run-time callbacks, from the state its lifecycle replay {@code lifecycle}
   * left after realize; {@code made}: the regions that replay initialized outside
   * instance_finalize.
   */
  ReplayCache.Replay runtime(
      DeviceType d, List<RuntimeRoot> roots, ReplayCache.Replay lifecycle, Set<String> made) {
    return replayed(
        d,
        lifecycle.allocations(),
        () -> {
          runtimeFixpoint(d, roots, lifecycle.afterRealize(), made);
          return null;
        });
  }

  /**
   * Runs one replay with its own recorder, knowing the types of the places {@code allocations}
   * made; what it saw, walked, allocated and left behind becomes a {@link ReplayCache.Replay}.
   */
  private ReplayCache.Replay replayed(
      DeviceType device, Map<String, String> allocations, Supplier<RegionState> body) {
    current = new ReplayCache.Recorder();
    counts = RuntimeStates.Counts.NONE;
    flow.ownerShapes.startReplay(allocations);
    flow.recordVisits(current.visited);
    int before = flow.exhaustedRoots();
    RegionState after = body.get();
    flow.finishRoot();
    int exhausted = flow.exhaustedRoots() - before;
    flow.recordVisits(null);
    ReplayCache.Recorder r = current;
    current = null;
    return new ReplayCache.Replay(
        Set.copyOf(r.visited),
        r.observations,
        List.copyOf(r.checkpoints),
        List.copyOf(r.exits),
        List.copyOf(r.freeHooks),
        after,
        exhausted,
        counts,
        device == null ? null : device.name(),
        flow.ownerShapes.allocations());
  }

  /**
   * A lifecycle hook is walked when it reaches the API, or calls a function worth following as any
   * caller would follow it: a helper that only frees (g_free does not make its callers' callers
   * relevant) acts on the device's regions all the same.
   */
  static boolean walked(Function hook, Program program, CallGraph callGraph) {
    if (callGraph.worthFollowing(hook.key())) return true;
    for (Stmt s : hook.cfg().statements()) {
      if (!(s instanceof Stmt.Call c)) continue;
      Function callee = program.resolve(c.callee(), hook.file());
      if (callee != null && callGraph.worthFollowing(callee.key())) return true;
    }
    return false;
  }

  /**
   * Runs the device's lifecycle; returns its state after realize, the start of its run-time
   * callbacks.
   */
  private RegionState replay(DeviceType d) {
    RegionState s = new RegionState();
    s = runPhase(d, Role.INSTANCE_INIT, s).everyPath();
    RegionState afterInit = s.copy();
    s = construct(d, s);
    PhaseEnd realized = runPhase(d, Role.REALIZE, s);
    RegionState afterRealize = realized.everyPath();
    if (realized.failed() != null && heldByForeignMapping(realized.failed())) {
      // The failing path keeps the device referenced through that mapping
      // (docs/lifetime.md#phases): qdev's unref does not finalize it, so instance_finalize follows
      // only the realize that succeeded.
      afterRealize = realized.succeeded().copy();
    }
    // Unrealize and run-time callbacks follow a realize that succeeded; instance_finalize also
    // follows one that failed.
    s = realized.succeeded();
    s.removeIf(f -> f instanceof Fact.Mapped m && m.undoneBefore() == Role.UNREALIZE);
    // The device lives between realize and unrealize (and while its callbacks run): RCU grace
    // periods pass, so an address_space_destroy of realize has completed by then.
    Finalization.gracePeriodPassed(s, Role.REALIZE, semantics);
    // The same holds for instance_finalize after a realize that succeeded (a failure after the
    // realize hook returned runs unrealize first: qdev's post_realize_fail, pci_qdev_unrealize),
    // which only a machine torn down long after reaches. Only a realize that reported an error
    // leaves the device to qdev at once, its destroys still pending.
    Set<Fact> pendingOnFailure = realized.failed() == null ? Set.of() : realized.failed().facts();
    afterRealize.removeIf(f -> f instanceof Fact.DestroyPending && !pendingOnFailure.contains(f));
    s = runPhase(d, Role.UNREALIZE, s).everyPath();
    RegionState afterUnrealize = s.copy();
    // Finalize runs after QOM dropped the child properties, whatever unrealize did: replaying it
    // from the state after realize keeps every region the device owned in view; for a hot-pluggable
    // device it is replayed from the state after unrealize as well, so what unrealize made is seen.
    // A throw-away instance is finalized right after instance_init (docs/lifetime.md#phases):
    // finalize is replayed from that state as well, apart, since a region may have another owner
    // there.
    Set<String> made = madeOutside(current.observations.values(), Role.INSTANCE_FINALIZE);
    made.addAll(pointersTo(made, afterRealize, s));
    variant = "throw-away instance";
    List<Observation> initFinalized = finalizeFrom(d, afterInit, made);
    variant = "";
    List<Observation> realizeFinalized = finalizeFrom(d, afterRealize, made);
    List<Observation> unrealizeFinalized = List.of();
    if (d.hotpluggable()) {
      // Replayed apart rather than from a join: a join keeps one target per pointer field (s->buf
      // after realize or the one unrealize allocated) and takes unrealize's del of s->bars[*] for a
      // loop's.
      variant = "after unrealize";
      unrealizeFinalized =
          finalizeFrom(
              d, semantics == Semantics.REFCOUNT ? Finalization.qdevUnplugged(s) : s, made);
      variant = "";
    }
    current.checkpoints.add(
        new Checkpoint(
            d,
            Role.INSTANCE_INIT,
            "instance_init also runs for throw-away instances, which are finalized at once",
            afterInit,
            initFinalized));
    if (d.hotpluggable() && realized.failed() != null) {
      // device_add of a device whose realize fails: qdev unparents it without unrealize, so what
      // the failing path still holds is held for good.
      current.checkpoints.add(
          new Checkpoint(
              d,
              Role.REALIZE,
              "realize of "
                  + d.name()
                  + " reports an error on this path: qdev then drops the device without unrealize",
              realized.failed(),
              realizeFinalized));
    }
    if (d.hotpluggable()) {
      current.checkpoints.add(
          new Checkpoint(
              d,
              Role.UNREALIZE,
              d.name() + " can be unplugged (" + d.hotplugReason() + ")",
              afterUnrealize,
              unrealizeFinalized));
    }
    return realized.succeeded().copy();
  }

  /**
   * Whether a region of the device is still mapped, live, in a container the device does not own
   * (system memory, a bus space, another object's region): under current and legacy semantics the
   * mapping's reference counts on the region's owner, the device, which then outlives qdev's unref.
   */
  private boolean heldByForeignMapping(RegionState failed) {
    if (semantics == Semantics.REFCOUNT) return false;
    return failed.facts(Fact.Mapped.class).stream()
        .anyMatch(m -> Ownership.mapsOwnRegionIntoForeignContainer(failed, m, semantics));
  }

  /**
   * Runs the factories that make {@code d} ({@code obj = object_new(TYPE_D)}, then its set-up) with
   * their new object as the replayed one, after instance_init; a plain QOM object has no realize,
   * so what they make is there when the last reference goes. They run in the realize role: the
   * object is in use from then on.
   */
  private RegionState construct(DeviceType d, RegionState s) {
    for (Constructors.Constructor c : constructors.of(d.name())) {
      Function f = c.function();
      flow.startRoot();
      flow.constructionSite = c.site();
      List<Place> args = new ArrayList<>();
      for (int i = 0; i < f.params().size(); i++) args.add(Place.UNKNOWN);
      List<TraceStep> chain =
          List.of(new TraceStep(c.site(), f.name() + "() makes a " + d.name() + " here"));
      RegionFlow.Exit exit =
          flow.run(f, args, s, new RegionFlow.Context(Role.REALIZE, d, chain, List.of(f.key())));
      flow.constructionSite = null;
      if (exit.state() == null) continue;
      s = exit.state().copy();
      s.swapLocals(new HashMap<>());
      s.forgetLoopReleases();
      s.removeIf(fact -> fact instanceof Fact.ErrorReported);
    }
    return s;
  }

  /** The regions {@code seen} (a replay's observations) initialized outside {@code phase}. */
  static Set<String> madeOutside(Collection<Observation> seen, Role phase) {
    Set<String> made = new HashSet<>();
    for (Observation o : seen) {
      if (o.effect() instanceof Operation.Init && o.phase() != phase) made.add(o.subject().id());
    }
    return made;
  }

  /**
   * The device's pointer fields that, in one of the {@code states}, point at a region the lifecycle
   * makes ({@code s->r1 = g_new0(...)} in realize): where no code wrote them yet they are NULL (QOM
   * zeroes the instance), and a call through one is a call on no region, as on a region not made.
   */
  private static Set<String> pointersTo(Set<String> made, RegionState... states) {
    Set<String> out = new HashSet<>();
    for (RegionState st : states) {
      for (String key : st.aliasKeysUnder(Place.SELF)) {
        String target = st.alias(key);
        if (target != null && made.contains(target)) out.add(key);
      }
    }
    return out;
  }

  /**
   * Replays instance_finalize from {@code s}; returns the effects it met. Of the regions the
   * lifecycle makes ({@code made}), those {@code s} knows nothing of are not made yet on this path.
   */
  private List<Observation> finalizeFrom(DeviceType d, RegionState s, Set<String> made) {
    Set<String> notMade = new HashSet<>();
    for (String id : made) {
      if (!s.knowsMade(id) && s.alias(id) == null) notMade.add(id);
    }
    flow.notMadeYet(notMade);
    finalizing = new ArrayList<>();
    runPhase(d, Role.INSTANCE_FINALIZE, Finalization.childPropertiesDropped(s));
    List<Observation> met = finalizing;
    finalizing = null;
    flow.notMadeYet(Set.of());
    return met;
  }

  /**
   * Where a phase's hooks leave the device: on every path; on the paths where no hook reported an
   * error (a realize that failed stops there: the next hook does not run); on those where one did
   * ({@code failed} is null if none can).
   */
  private record PhaseEnd(RegionState everyPath, RegionState succeeded, RegionState failed) {}

  /** Runs the phase's hooks in order. */
  private PhaseEnd runPhase(DeviceType d, Role role, RegionState s) {
    flow.startRoot();
    RegionState everyPath = null;
    RegionState failed = null;
    for (Function f : d.hooks(role)) {
      if (!walked(f, program, callGraph)) continue;
      RegionFlow.Context ctx = new RegionFlow.Context(role, d, List.of(), List.of(f.key()));
      RegionFlow.Exit exit = flow.run(f, arguments(f), s, ctx);
      if (exit.state() != null) {
        current.exits.add(new RootExit(d, role, f, exit.state().copy()));
        if (exit.failed() != null) {
          RegionState f2 = exit.failed().copy();
          if (failed == null) failed = f2;
          else failed.join(f2);
        }
        if (exit.succeeded() != exit.state()) {
          RegionState all = exit.state().copy();
          if (everyPath == null) everyPath = all;
          else everyPath.join(all);
        }
        s = exit.onSuccess();
        s.swapLocals(new HashMap<>());
        s.forgetLoopReleases();
      }
    }
    s.removeIf(f -> f instanceof Fact.ErrorReported);
    if (failed != null) {
      failed.swapLocals(new HashMap<>());
      failed.forgetLoopReleases();
      failed.removeIf(f -> f instanceof Fact.ErrorReported);
    }
    if (everyPath == null) return new PhaseEnd(s, s, failed);
    everyPath.swapLocals(new HashMap<>());
    everyPath.forgetLoopReleases();
    everyPath.join(s);
    everyPath.removeIf(f -> f instanceof Fact.ErrorReported);
    return new PhaseEnd(everyPath, s, failed);
  }

  /** The hook's device, and its {@code Error **} (through which a realize reports its failure). */
  private static List<Place> arguments(Function f) {
    List<Place> args = new ArrayList<>();
    args.add(new Place(Place.SELF, selfName(f)));
    for (int i = 1; i < f.params().size(); i++) {
      args.add(f.params().get(i).type().equals("Error") ? Place.ERROR : Place.UNKNOWN);
    }
    return args;
  }

  /**
   * Replays a device's run-time callbacks from its post-realize state to a fixpoint of the states
   * they reach ({@link RuntimeStates}), then its teardown from every state reached past the first
   * (the lifecycle replay tore it down from that one).
   */
  private void runtimeFixpoint(
      DeviceType d, List<RuntimeRoot> roots, RegionState afterRealize, Set<String> made) {
    RuntimeStates states = new RuntimeStates(afterRealize, semantics);
    List<RuntimeStates.Reached> reached = states.reached();
    for (int i = 0; i < reached.size(); i++) {
      RuntimeStates.Reached from = reached.get(i);
      variant = i == 0 ? "" : "after " + from.sequence();
      for (RuntimeRoot root : roots) {
        RegionState exit = replayRoot(root, d, from, i == 0);
        states.invoked();
        if (exit != null) states.offer(from, root.function(), exit);
      }
    }
    variant = "";
    for (int i = 1; i < reached.size(); i++) teardownFrom(d, reached.get(i), made);
    counts = states.counts();
  }

  /**
   * Unrealize (for a device that can be unplugged) and instance_finalize, replayed from a state
   * run-time code left: unrealize must undo what the callbacks did too, and finalize runs after
   * whatever they made.
   */
  private void teardownFrom(DeviceType d, RuntimeStates.Reached at, Set<String> made) {
    String seq = at.sequence();
    Function last = at.invocations().get(at.invocations().size() - 1);
    flow.history = List.of(new TraceStep(last.loc(), "after run-time code ran: " + seq, true));
    // A device that can be unplugged is finalized after its unrealize; one that cannot, when the
    // machine goes.
    variant = "after " + seq + ", finalized";
    if (!d.hotpluggable()) finalizeFrom(d, at.state(), made);
    if (d.hotpluggable()) {
      variant = "after " + seq;
      RegionState unrealized = runPhase(d, Role.UNREALIZE, at.state().copy()).everyPath();
      RegionState kept = unrealized.copy();
      variant = "after " + seq + ", after unrealize";
      List<Observation> finalized =
          finalizeFrom(
              d,
              semantics == Semantics.REFCOUNT ? Finalization.qdevUnplugged(unrealized) : unrealized,
              made);
      current.checkpoints.add(
          new Checkpoint(
              d,
              Role.UNREALIZE,
              d.name()
                  + " can be unplugged ("
                  + d.hotplugReason()
                  + ") after its run-time code ran: "
                  + seq,
              kept,
              finalized));
    }
    flow.history = List.of();
    variant = "";
  }

  /**
   * Replays one run-time callback from a state {@code from} its device reached; returns the state
   * where it returns (null if it never does). Only the replays from the post-realize state keep
   * their exit ({@code keepExit}): a later one still holds what earlier callbacks took.
   */
  private RegionState replayRoot(
      RuntimeRoot root, DeviceType device, RuntimeStates.Reached from, boolean keepExit) {
    Function f = root.function();
    List<Place> args = new ArrayList<>();
    for (int i = 0; i < f.params().size(); i++) {
      args.add(
          i == root.selfIndex() ? new Place(Place.SELF, f.params().get(i).name()) : Place.UNKNOWN);
    }
    flow.startRoot();
    List<TraceStep> chain =
        from.invocations().isEmpty()
            ? List.of()
            : List.of(
                new TraceStep(
                    f.loc(),
                    f.name()
                        + "() runs after "
                        + from.sequence()
                        + " (run-time callbacks run any number of times, in any order)",
                    true));
    flow.history = chain;
    RegionFlow.Exit exit =
        flow.run(
            f,
            args,
            from.state().copy(),
            new RegionFlow.Context(null, device, List.of(), List.of(f.key())));
    flow.history = List.of();
    if (exit.state() != null && keepExit)
      current.exits.add(new RootExit(device, null, f, exit.state()));
    return exit.state();
  }

  private static String selfName(Function f) {
    return f.params().isEmpty() ? "self" : f.params().get(0).name();
  }

  /**
   * The same call met again in the same context replaces the earlier visit: its state has grown
   * since.
   */
  private void record(Observation o) {
    StringBuilder key = new StringBuilder();
    key.append(o.node())
        .append('|')
        .append(o.loc())
        .append('|')
        .append(o.effect().getClass().getSimpleName())
        .append('|')
        .append(o.phase())
        .append('|')
        .append(o.device() == null ? "" : o.device().name())
        .append('|')
        .append(variant);
    o.chain().forEach(t -> key.append('|').append(t.loc()));
    current.observations.put(key.toString(), o);
    if (finalizing != null) finalizing.add(o);
  }
}
