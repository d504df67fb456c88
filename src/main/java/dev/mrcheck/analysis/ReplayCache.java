package dev.mrcheck.analysis;

import dev.mrcheck.ir.CfgNode;
import dev.mrcheck.ir.Function;
import dev.mrcheck.model.ApiModel;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replays kept between analyses of the same workspace (the language server), so that an edit
 * re-runs only the replays it can change.
 *
 * <p>A replay (one device's lifecycle, or one run-time root) depends on the bodies of the functions
 * it walked, on how calls resolve and which callees are worth following (the call graph), on the
 * model, and for a run-time root on its device's state after realize. The cache is kept only while
 * the model and the call graph are the same objects (whoever builds them reuses them only while
 * their inputs are unchanged); within that, a replay is reused while none of the functions it
 * walked changed, compared structurally since an edited file is parsed anew even where its
 * functions stay the same.
 */
public final class ReplayCache {
  /**
   * What one replay produced: observations in record order, checkpoints, exit states, the static
   * types of what it allocated (a device's run-time callbacks start from its lifecycle's state, and
   * know those), and what it depended on.
   */
  record Replay(
      Set<String> visited,
      Map<String, Observation> observations,
      List<Checkpoint> checkpoints,
      List<RootExit> exits,
      List<FreeHookOverride> freeHooks,
      RegionState afterRealize,
      int exhausted,
      RuntimeStates.Counts runtime,
      String device,
      Map<String, String> allocations) {}

  private ApiModel model;
  private long programId;
  private CallGraph graph;
  private Semantics semantics;

  /** The last analysis' functions, in key order. */
  private Map<String, Function> functions = new TreeMap<>();

  private Map<String, DeviceType> devices = Map.of();
  private Map<String, Replay> replays = Map.of();
  private FunctionMemo memo;
  private int lastReplayed;
  private int lastReused;

  /** Replays run by the latest analysis. */
  public synchronized int lastReplayed() {
    return lastReplayed;
  }

  /**
   * Functions whose statements the latest analysis read for its whole-program structures (the
   * others' facts were kept from the analysis before).
   */
  public synchronized int lastFactsRead() {
    return memo == null ? 0 : memo.computed();
  }

  /** Replays the latest analysis took from the cache. */
  public synchronized int lastReused() {
    return lastReused;
  }

  public synchronized void clear() {
    model = null;
    programId = 0;
    graph = null;
    functions = new TreeMap<>();
    devices = Map.of();
    replays = Map.of();
    memo = null;
  }

  /** One analysis' use of the cache; nothing is kept unless it {@link Round#commit}s. */
  synchronized Round begin(Program program, ApiModel m, CallGraph g, Semantics sem) {
    // Replays differ between semantics (which unparent finalizes a region): kept for one semantics
    // at a time.
    boolean valid = m == model && g == graph && sem == semantics;
    Map<String, Function> now = program.functionsByKey();
    Set<String> swapped = program.swappedSince(programId);
    Set<String> changed =
        swapped != null ? changedAmong(swapped, functions, now) : changedFunctions(functions, now);
    return new Round(
        new FunctionMemo(m, memo),
        program.id(),
        m,
        g,
        sem,
        now,
        changed,
        valid ? devices : Map.of(),
        valid ? replays : Map.of());
  }

  /**
   * As {@link #changedFunctions}, for a program updated from the last one: only swapped functions
   * can differ.
   */
  private static Set<String> changedAmong(
      Set<String> swapped, Map<String, Function> before, Map<String, Function> now) {
    Set<String> changed = new HashSet<>();
    for (String k : swapped) if (!sameFunction(before.get(k), now.get(k))) changed.add(k);
    return changed;
  }

  /**
   * Keys added, removed, or whose function differs; both maps are in key order, so one merge walk
   * finds them.
   */
  private static Set<String> changedFunctions(
      Map<String, Function> before, Map<String, Function> now) {
    Set<String> changed = new HashSet<>();
    Iterator<Map.Entry<String, Function>> a = before.entrySet().iterator();
    Iterator<Map.Entry<String, Function>> b = now.entrySet().iterator();
    Map.Entry<String, Function> x = a.hasNext() ? a.next() : null;
    Map.Entry<String, Function> y = b.hasNext() ? b.next() : null;
    while (x != null || y != null) {
      int c = x == null ? 1 : y == null ? -1 : x.getKey().compareTo(y.getKey());
      if (c < 0) changed.add(x.getKey());
      else if (c > 0) changed.add(y.getKey());
      else if (x.getValue() != y.getValue() && !sameFunction(x.getValue(), y.getValue()))
        changed.add(x.getKey());
      if (c <= 0) x = a.hasNext() ? a.next() : null;
      if (c >= 0) y = b.hasNext() ? b.next() : null;
    }
    return changed;
  }

  private synchronized void commit(Round r) {
    programId = r.programId;
    model = r.model;
    graph = r.graph;
    semantics = r.semantics;
    functions = r.functions;
    devices = r.nextDevices;
    replays = r.nextReplays;
    memo = r.memo;
    memo.settle();
    lastReplayed = r.replayed;
    lastReused = r.reused;
  }

  final class Round {
    private final ApiModel model;
    private final CallGraph graph;
    private final Semantics semantics;
    private final Map<String, Function> functions;
    private final Set<String> changed;
    private final Map<String, DeviceType> previousDevices;
    private final Map<String, Replay> previous;
    private final Map<String, DeviceType> nextDevices = new HashMap<>();
    private final Map<String, Replay> nextReplays = new HashMap<>();
    private int replayed;
    private int reused;

    private final long programId;

    /** Per-function facts: the previous round's for the function objects it saw. */
    final FunctionMemo memo;

    private Round(
        FunctionMemo memo,
        long programId,
        ApiModel model,
        CallGraph graph,
        Semantics semantics,
        Map<String, Function> functions,
        Set<String> changed,
        Map<String, DeviceType> previousDevices,
        Map<String, Replay> previous) {
      this.memo = memo;
      this.programId = programId;
      this.model = model;
      this.graph = graph;
      this.semantics = semantics;
      this.functions = functions;
      this.changed = changed;
      this.previousDevices = previousDevices;
      this.previous = previous;
    }

    /**
     * The earlier object for a device whose type, hooks and hot-plug verdict are unchanged, so that
     * reused observations and fresh ones name the same device object.
     */
    DeviceType canonical(DeviceType d) {
      DeviceType before = previousDevices.get(d.name());
      DeviceType out = before != null && sameDevice(before, d) ? before : d;
      nextDevices.put(d.name(), out);
      return out;
    }

    /** Whether {@link #canonical} kept the earlier object: the device is as it was. */
    boolean canonicalIsPrevious(DeviceType d) {
      return previousDevices.get(d.name()) == d;
    }

    /**
     * The earlier replay under {@code key} if it can be reused: same device object, nothing it
     * walked changed.
     */
    Replay reusable(String key, DeviceType device, boolean deviceReused) {
      Replay r = previous.get(key);
      if (r == null || !deviceReused) return null;
      if (!Objects.equals(r.device(), device == null ? null : device.name())) return null;
      for (String f : r.visited()) if (changed.contains(f)) return null;
      return r;
    }

    void keep(String key, Replay r, boolean wasReused) {
      nextReplays.put(key, r);
      if (wasReused) reused++;
      else replayed++;
    }

    void commit() {
      ReplayCache.this.commit(this);
    }

    private boolean sameDevice(DeviceType a, DeviceType b) {
      if (!a.name().equals(b.name())
          || !a.registration().equals(b.registration())
          || !a.ancestry().equals(b.ancestry())
          || a.hotpluggable() != b.hotpluggable()
          || !Objects.equals(a.hotplugReason(), b.hotplugReason())
          || !Objects.equals(a.instanceStruct(), b.instanceStruct())
          || !a.hooks().keySet().equals(b.hooks().keySet())) return false;
      for (Role role : a.hooks().keySet()) {
        List<Function> x = a.hooks(role);
        List<Function> y = b.hooks(role);
        if (x.size() != y.size()) return false;
        for (int i = 0; i < x.size(); i++) {
          if (!x.get(i).key().equals(y.get(i).key()) || changed.contains(y.get(i).key()))
            return false;
        }
      }
      return true;
    }
  }

  /** Holds a replay's output while it runs. */
  static final class Recorder {
    final Set<String> visited = new HashSet<>();
    final Map<String, Observation> observations = new LinkedHashMap<>();
    final List<Checkpoint> checkpoints = new ArrayList<>();
    final List<RootExit> exits = new ArrayList<>();
    final List<FreeHookOverride> freeHooks = new ArrayList<>();
  }

  /**
   * Same IR: a re-parse of unchanged code (same locations too) gives equal statements and the same
   * graph shape.
   */
  static boolean sameFunction(Function a, Function b) {
    if (!Program.sameIdentity(a, b)
        || !a.loc().equals(b.loc())
        || !a.params().equals(b.params())
        || !a.localTypes().equals(b.localTypes())) {
      return false;
    }
    List<CfgNode> x = a.cfg().nodes();
    List<CfgNode> y = b.cfg().nodes();
    if (x.size() != y.size()
        || a.cfg().entry().id() != b.cfg().entry().id()
        || a.cfg().exit().id() != b.cfg().exit().id()) return false;
    for (int i = 0; i < x.size(); i++) {
      CfgNode m = x.get(i);
      CfgNode n = y.get(i);
      if (m.id() != n.id() || !Objects.equals(m.stmt(), n.stmt())) return false;
      if (m.successors().size() != n.successors().size()) return false;
      for (int j = 0; j < m.successors().size(); j++) {
        if (m.successors().get(j).id() != n.successors().get(j).id()) return false;
      }
    }
    return true;
  }
}
