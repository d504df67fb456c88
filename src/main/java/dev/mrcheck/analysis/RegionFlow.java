package dev.mrcheck.analysis;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.CfgNode;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.model.ApiModel;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Interprocedural may-analysis of region facts over a function's CFG: the driver. It runs the
 * worklist over one function's nodes ({@link FlowFrame} transfers each statement), and analyzes
 * calls into functions that reach the API in place with their parameters bound to the caller's
 * places (a context-sensitive "inlining"), so a helper's effects land on the caller's regions and
 * keep the calling context (lifecycle role, call chain). Callee results are memoized per replay
 * root, and a root has a budget of node transfers past which calls are no longer followed.
 */
final class RegionFlow {
  private static final int MAX_DEPTH = 10;
  private static final int MAX_VISITS_PER_NODE = 16;

  /** Node transfers one replay root may spend before calls stop being followed. */
  private static final int BUDGET_PER_ROOT = 100_000;

  final Program program;
  final ConstantWrites constantWrites;
  final TypeTests typeTests;
  final CallGraph callGraph;
  final ApiModel model;

  /**
   * What a reference references decides which unparent finalizes a region
   * (docs/lifetime.md#semantics).
   */
  final Semantics semantics;

  final Consumer<Observation> sink;
  final OwnerShapes ownerShapes;

  /** Which arguments a function the replay does not walk may keep. */
  final KeptArguments kept;

  final QomClasses qom;
  Consumer<FreeHookOverride> freeHookSink = h -> {};

  /**
   * Callee results by (callee, arguments, entry state, role): a helper met again in the same state
   * is not re-analyzed.
   */
  private final Map<List<Object>, Exit> memo = new HashMap<>();

  final FieldGuards<String> guards;
  final FieldGuards<AccessPath> blankTests;
  final FieldGuards<PathCondition> conditions;
  final FieldGuards<Stmt.Assume> assumptions;
  private final ProgramAnswers answers;
  private int spent;

  private final FunctionMemo facts;

  /** The device's regions an instance_finalize replay starts without: see {@link #notMadeYet}. */
  Set<String> notMadeYet = Set.of();

  /**
   * The run-time callbacks that ran before this replay, as the first steps of every observation's
   * chain (empty for a replay from the post-realize state). Facts do not carry them: the same map
   * made by a later invocation is the same fact, so that the states reached converge.
   */
  List<TraceStep> history = List.of();

  /**
   * While a factory of the replayed object runs: its {@code object_new} call, whose result is the
   * object itself (null otherwise).
   */
  SourceLoc constructionSite;

  /** The functions walked since {@link #recordVisits}: a replay depends on their bodies only. */
  private Set<String> visited;

  private int exhaustedRoots;

  RegionFlow(
      Program program,
      CallGraph callGraph,
      ApiModel model,
      Semantics semantics,
      Consumer<Observation> sink) {
    this(program, callGraph, model, semantics, sink, FunctionMemo.fresh(model), null);
  }

  /**
   * With per-function facts from {@code memo} (kept between analyses) and the answers about the
   * program {@code answers} (shared with the other replayers of the analysis; null: its own).
   */
  RegionFlow(
      Program program,
      CallGraph callGraph,
      ApiModel model,
      Semantics semantics,
      Consumer<Observation> sink,
      FunctionMemo memo,
      ProgramAnswers answers) {
    this.facts = memo;
    this.answers = answers != null ? answers : new ProgramAnswers(program, memo);
    this.program = program;
    this.callGraph = callGraph;
    this.model = model;
    this.semantics = semantics;
    this.sink = sink;
    this.qom = new QomClasses(program, model);
    this.ownerShapes = new OwnerShapes(program, qom);
    this.kept = new KeptArguments(program, model);
    this.constantWrites = this.answers.constantWrites;
    this.typeTests = this.answers.typeTests;
    this.guards = this.answers.guards;
    this.blankTests = this.answers.blankTests;
    this.conditions = this.answers.conditions;
    this.assumptions = this.answers.assumptions;
  }

  /** Where {@code OBJECT(mr)->free = fn} assignments met during replays go. */
  void onFreeHook(Consumer<FreeHookOverride> freeHooks) {
    this.freeHookSink = freeHooks;
  }

  /**
   * Where a replay is: its lifecycle role, its device, the calls that led here and the conditions
   * every path to those calls passed in their callers.
   */
  record Context(
      Role phase,
      DeviceType device,
      List<TraceStep> chain,
      List<String> stack,
      List<PathCondition> callerConditions) {
    Context {
      chain = TraceChain.of(chain);
    }

    Context(Role phase, DeviceType device, List<TraceStep> chain, List<String> stack) {
      this(phase, device, chain, stack, List.of());
    }

    Context enter(Function callee, SourceLoc site, String callerName, List<PathCondition> atSite) {
      List<TraceStep> c = new ArrayList<>(chain);
      c.add(new TraceStep(site, callerName + "() calls " + callee.name() + "() here"));
      List<String> s = new ArrayList<>(stack);
      s.add(callee.key());
      List<PathCondition> conds = new ArrayList<>(callerConditions);
      for (PathCondition pc : atSite) if (!pc.inCaller()) conds.add(pc.atCaller());
      return new Context(phase, device, c, s, List.copyOf(conds));
    }
  }

  /**
   * The names of the fields some condition in the program tests ({@code if (s->pinned)}): the only
   * ones whose stores are worth remembering.
   */
  Set<String> testedFields() {
    return answers.testedFields();
  }

  /** Starts a new replay root: fresh memo and budget. */
  void startRoot() {
    finishRoot();
    memo.clear();
  }

  /** Closes the current replay root's budget, so that what follows can be counted apart. */
  void finishRoot() {
    if (spent > BUDGET_PER_ROOT) exhaustedRoots++;
    spent = 0;
  }

  /**
   * The regions the device's instance_init, realize or unrealize initialize that an
   * instance_finalize replay starts without (a throw-away instance's, or one after realize for what
   * unrealize makes): the struct is zeroed there, and QEMU's calls on such a region crash or assert
   * (a zeroed container's subregion list has no tail) rather than do anything, so nothing they
   * would do is modelled, as the runtime model skips them, until instance_finalize initializes the
   * region itself. Empty: every call is taken as written.
   */
  void notMadeYet(Set<String> regions) {
    this.notMadeYet = regions;
  }

  /** Records every function whose body a replay walks into {@code sink} (null: stop recording). */
  void recordVisits(Set<String> sink) {
    visited = sink;
  }

  /**
   * Roots whose budget ran out: their deeper calls were not followed. Reported in the scan summary.
   */
  int exhaustedRoots() {
    return exhaustedRoots + (spent > BUDGET_PER_ROOT ? 1 : 0);
  }

  /**
   * The outcome of analyzing one function: its exit state (null if it never returns), what it
   * returns, and the part of the exit state reached by returns that did not report an error through
   * the root's {@code Error **}: the exit state itself if no return did, null if every return did;
   * and the part reached by those that did (null if none did).
   */
  record Exit(RegionState state, Place returned, RegionState succeeded, RegionState failed) {
    /** The exit state of the returns that did not report an error, or every return's if all did. */
    RegionState onSuccess() {
      return succeeded != null ? succeeded : state;
    }
  }

  Exit run(Function f, List<Place> args, RegionState entry, Context ctx) {
    if (visited != null) visited.add(f.key());
    FlowFrame frame = new FlowFrame(this, f, ctx);
    RegionState start = entry.copy();
    Map<String, Place> params = new HashMap<>();
    for (int i = 0; i < f.params().size(); i++) {
      Place p = i < args.size() ? args.get(i) : null;
      if (p != null && !p.isUnknown()) params.put(f.params().get(i).name(), p);
    }
    start.swapLocals(params);
    Map<CfgNode, RegionState> in = new HashMap<>();
    Map<CfgNode, Integer> visits = new HashMap<>();
    RegionState succeeded = null;
    RegionState failed = null;
    PriorityQueue<CfgNode> work = new PriorityQueue<>((a, b) -> Integer.compare(a.id(), b.id()));
    in.put(f.cfg().entry(), start);
    work.add(f.cfg().entry());
    while (!work.isEmpty()) {
      CfgNode n = work.poll();
      if (visits.merge(n, 1, Integer::sum) > MAX_VISITS_PER_NODE) continue;
      spent++;
      RegionState s = in.get(n).copy();
      frame.node = n.id();
      if (n.stmt() != null) frame.transfer(n.stmt(), s);
      for (CfgNode succ : n.successors()) {
        if (succ == f.cfg().exit()
            && !s.facts(Fact.ErrorReported.class, Place.ERROR.id()).isEmpty()) {
          if (failed == null) failed = s.copy();
          else failed.join(s);
        } else if (succ == f.cfg().exit()) {
          if (succeeded == null) succeeded = s.copy();
          else succeeded.join(s);
        }
        RegionState old = in.get(succ);
        if (old == null) {
          in.put(succ, s.copy());
          work.add(succ);
        } else if (old.join(s)) {
          work.add(succ);
        }
      }
    }
    RegionState exit = in.get(f.cfg().exit());
    // Without an error path the exit state is the success state itself (joins are not idempotent
    // for released array summaries, so it is not rebuilt).
    return new Exit(
        exit,
        frame.returned == null ? Place.UNKNOWN : frame.returned,
        failed != null ? succeeded : exit,
        failed);
  }

  /**
   * Whether a call into {@code callee} is analyzed in place: it reaches the API, is no recursion,
   * and depth and budget allow.
   */
  boolean follows(Function callee, Context ctx) {
    return callGraph.worthFollowing(callee.key())
        && !ctx.stack().contains(callee.key())
        && ctx.stack().size() < MAX_DEPTH
        && spent <= BUDGET_PER_ROOT;
  }

  /**
   * The callee's outcome from {@code entry} (the caller's state without its locals, whose globals
   * are {@code globalsKey}): memoized, else analyzed in the caller's context entered at {@code
   * site}.
   */
  Exit summary(
      Function callee,
      List<Place> args,
      RegionState entry,
      Object globalsKey,
      FlowFrame caller,
      SourceLoc site) {
    List<Object> key = List.of(callee.key(), args, globalsKey, String.valueOf(caller.ctx.phase()));
    Exit exit = memo.get(key);
    if (exit == null) {
      exit =
          run(
              callee,
              args,
              entry,
              caller.ctx.enter(callee, site, caller.f.name(), caller.ownConditions()));
      memo.put(key, exit);
    }
    return exit;
  }
}
