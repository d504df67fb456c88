package dev.mrcheck.analysis;

import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Param;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.TypeRegistration;
import dev.mrcheck.ir.Value;
import dev.mrcheck.model.ApiModel;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays each device's lifecycle (instance_init, realize, unrealize, instance_finalize) through
 * {@link RegionFlow}, then every run-time root (API users that nothing calls directly: callbacks)
 * from the state its device has after realize. The replays of the devices, then those of the roots,
 * run in parallel ({@link ParallelReplays}); what they find is merged in one order whatever the
 * number of threads.
 */
public final class Analyzer {
  private final Program program;
  private final ApiModel model;
  private final Semantics semantics;
  private final CallGraph callGraph;
  private final ReplayCache cache;
  private final int threads;

  /** Replays kept on disk between scans (null: none). */
  private DiskReplays disk;

  public Analyzer(Program program, ApiModel model, Semantics semantics) {
    this(program, model, semantics, new CallGraph(program, model), new ReplayCache(), 1);
  }

  /**
   * With a call graph built from {@code program} (or, equal to it, kept from an earlier analysis)
   * and replays kept from earlier analyses: those that cannot have changed are reused. Replays run
   * on {@code threads} threads.
   */
  public Analyzer(
      Program program,
      ApiModel model,
      Semantics semantics,
      CallGraph callGraph,
      ReplayCache cache,
      int threads) {
    this.program = program;
    this.model = model;
    this.semantics = semantics;
    this.callGraph = callGraph;
    this.cache = cache;
    this.threads = threads;
  }

  /** Also looks replays up in, and stores those it runs into, {@code replays} (null: none). */
  public Analyzer onDisk(DiskReplays replays) {
    this.disk = replays;
    return this;
  }

  /** A replay to run, and the key it is kept under. */
  private record Pending(String key, ParallelReplays.Task run) {}

  /** Where the replay {@code key} is on disk (null: no disk, or not storable). */
  private String diskKey(String key, DeviceType device, String lifecycle) {
    return disk == null ? null : disk.indexKey(key, device, lifecycle);
  }

  /**
   * Fills the gaps ({@code null}s) of {@code replays} with those stored under the same index of
   * {@code diskKeys}, where still valid.
   */
  private void fromDisk(List<ReplayCache.Replay> replays, List<String> diskKeys) {
    if (disk == null) return;
    List<Integer> at = new ArrayList<>();
    List<String> wanted = new ArrayList<>();
    for (int i = 0; i < replays.size(); i++) {
      if (replays.get(i) == null && diskKeys.get(i) != null) {
        at.add(i);
        wanted.add(diskKeys.get(i));
      }
    }
    List<ReplayCache.Replay> found = disk.findAll(wanted, threads);
    for (int j = 0; j < at.size(); j++) replays.set(at.get(j), found.get(j));
  }

  public AnalysisResult analyze() {
    ReplayCache.Round round = cache.begin(program, model, callGraph, semantics);
    Lifecycles lifecycles = new Lifecycles(program, model, round.memo, callGraph);
    List<DeviceType> devices = new ArrayList<>();
    for (DeviceType d : lifecycles.devices()) devices.add(round.canonical(d));
    if (disk != null) disk.begin(program, round.memo, devices);
    Constructors constructors = new Constructors(program, callGraph);
    ProgramAnswers answers = new ProgramAnswers(program, round.memo);
    ParallelReplays parallel =
        new ParallelReplays(
            threads,
            () ->
                new Replayer(
                    program, model, semantics, callGraph, round.memo, answers, constructors));
    QomClasses qom = new QomClasses(program, model);
    Set<String> qdev = new HashSet<>();
    for (DeviceType d : devices) if (qom.isDevice(d)) qdev.add(d.name());
    Set<String> hookKeys = new HashSet<>();
    Map<String, DeviceType> byStruct = new HashMap<>();
    // Devices whose replay (or lack of one) is as before: run-time roots starting from them may be
    // reused.
    Set<String> stable = new HashSet<>();
    // Each device's lifecycle replay, kept or run, in device order.
    Map<String, ReplayCache.Replay> lifecycleOf = new LinkedHashMap<>();
    Map<String, Pending> deviceRuns = new LinkedHashMap<>();
    Map<String, String> diskKeys = new HashMap<>();
    List<DeviceType> touching = new ArrayList<>();
    List<ReplayCache.Replay> lifecycleReplays = new ArrayList<>();
    List<String> lifecycleDiskKeys = new ArrayList<>();
    for (DeviceType d : devices) {
      for (List<Function> fs : d.hooks().values()) for (Function f : fs) hookKeys.add(f.key());
      if (d.instanceStruct() != null) byStruct.putIfAbsent(d.instanceStruct(), d);
      if (!touchesApi(d, constructors)) {
        if (round.canonicalIsPrevious(d)) stable.add(d.name());
        continue;
      }
      String key = keyOf(d, constructors);
      ReplayCache.Replay r = round.reusable(key, d, round.canonicalIsPrevious(d));
      if (r != null) stable.add(d.name());
      if (disk != null) diskKeys.put(d.name(), diskKey(key, d, null));
      touching.add(d);
      lifecycleReplays.add(r);
      lifecycleDiskKeys.add(diskKeys.get(d.name()));
    }
    fromDisk(lifecycleReplays, lifecycleDiskKeys);
    for (int i = 0; i < touching.size(); i++) {
      DeviceType d = touching.get(i);
      ReplayCache.Replay r = lifecycleReplays.get(i);
      String key = keyOf(d, constructors);
      if (r == null) deviceRuns.put(d.name(), new Pending(key, p -> p.device(d)));
      lifecycleOf.put(d.name(), r);
    }
    List<ReplayCache.Replay> ran = runAll(parallel, List.copyOf(deviceRuns.values()), List.of());
    Gathered gathered = new Gathered();
    // A device's callbacks start from its lifecycle replay: on disk they are kept under its
    // content.
    Map<String, String> lifecycleFingerprints = new HashMap<>();
    Map<String, ReplayCache.Replay> toStore = new LinkedHashMap<>();
    int at = 0;
    for (DeviceType d : devices) {
      if (!lifecycleOf.containsKey(d.name())) continue;
      Pending p = deviceRuns.get(d.name());
      ReplayCache.Replay r = p == null ? lifecycleOf.get(d.name()) : ran.get(at++);
      lifecycleOf.put(d.name(), r);
      round.keep(keyOf(d, constructors), r, p == null);
      gathered.add(r);
      String onDisk = diskKeys.get(d.name());
      if (onDisk != null) {
        if (p != null) toStore.put(onDisk, r);
        lifecycleFingerprints.put(d.name(), disk.fingerprint(onDisk, r));
      }
    }
    for (Function f : lifecycles.shadowedHooks()) hookKeys.add(f.key());
    // A struct shared by several types, or by an abstract base (PCIDevice), names no single device:
    // a callback taking a PCIDevice * is not the code of whichever type registered
    // sizeof(PCIDevice).
    Map<String, Integer> sharing = new HashMap<>();
    for (TypeRegistration t : program.types().values()) {
      if (t.instanceStruct() == null) continue;
      int weight = "true".equals(t.properties().get("abstract")) ? 2 : 1;
      sharing.merge(t.instanceStruct(), weight, Integer::sum);
    }
    byStruct.keySet().removeIf(st -> sharing.getOrDefault(st, 0) > 1);
    int roots = 0;
    RuntimeDispatch dispatch = new RuntimeDispatch(program, round.memo);
    // A device's callbacks are replayed together, to a fixpoint of the states they reach.
    Map<DeviceType, List<Replayer.RuntimeRoot>> callbacks = new LinkedHashMap<>();
    // The run-time roots replayed alone and the devices' callbacks, each kept or to run, in order.
    List<String> keys = new ArrayList<>();
    List<ReplayCache.Replay> kept = new ArrayList<>();
    List<String> keptOnDisk = new ArrayList<>();
    List<Pending> rootRuns = new ArrayList<>();
    for (String fk : callGraph.actingOnRegions()) {
      Function f = program.function(fk);
      if (f == null || callGraph.hasCallers(fk) || hookKeys.contains(fk)) continue;
      int[] selfIndex = {-1};
      DeviceType device = deviceOf(f, byStruct, dispatch, selfIndex);
      // A callback that only frees (g_free) can act only on what its device's realize left behind:
      // with no such device (QEMU has thousands of callbacks freeing buffers) it is not replayed.
      if (!callGraph.reachesApi(fk) && (device == null || !lifecycleOf.containsKey(device.name())))
        continue;
      roots++;
      Replayer.RuntimeRoot root = new Replayer.RuntimeRoot(f, selfIndex[0]);
      if (device != null && lifecycleOf.containsKey(device.name())) {
        callbacks.computeIfAbsent(device, k -> new ArrayList<>()).add(root);
        continue;
      }
      String key = "root:" + fk;
      ReplayCache.Replay r =
          round.reusable(key, device, device == null || stable.contains(device.name()));
      String onDisk = r == null ? diskKey(key, device, null) : null;
      keys.add(key);
      kept.add(r);
      keptOnDisk.add(onDisk);
      rootRuns.add(r != null ? null : new Pending(key, p -> p.root(root, device)));
    }
    int alone = keys.size();
    for (Map.Entry<DeviceType, List<Replayer.RuntimeRoot>> e : callbacks.entrySet()) {
      DeviceType device = e.getKey();
      StringBuilder key = new StringBuilder("runtime:" + device.name());
      for (Replayer.RuntimeRoot root : e.getValue()) key.append('|').append(root.function().key());
      ReplayCache.Replay r = round.reusable(key.toString(), device, stable.contains(device.name()));
      String fingerprint = lifecycleFingerprints.get(device.name());
      String onDisk =
          r == null && fingerprint != null ? diskKey(key.toString(), device, fingerprint) : null;
      keys.add(key.toString());
      kept.add(r);
      keptOnDisk.add(onDisk);
      if (r != null) {
        rootRuns.add(null);
        continue;
      }
      ReplayCache.Replay lifecycle = lifecycleOf.get(device.name());
      Set<String> made =
          Replayer.madeOutside(lifecycle.observations().values(), Role.INSTANCE_FINALIZE);
      rootRuns.add(
          new Pending(key.toString(), p -> p.runtime(device, e.getValue(), lifecycle, made)));
    }
    fromDisk(kept, keptOnDisk);
    for (int i = 0; i < kept.size(); i++) if (kept.get(i) != null) rootRuns.set(i, null);
    // The devices' fixpoints are the longest replays: started first, they do not run alone at the
    // end.
    List<Pending> toRun = new ArrayList<>();
    List<Integer> first = new ArrayList<>();
    for (int i = 0; i < rootRuns.size(); i++) {
      if (rootRuns.get(i) == null) continue;
      if (i >= alone) first.add(toRun.size());
      toRun.add(rootRuns.get(i));
    }
    ran = runAll(parallel, toRun, first);
    at = 0;
    for (int i = 0; i < keys.size(); i++) {
      boolean reused = kept.get(i) != null;
      ReplayCache.Replay r = reused ? kept.get(i) : ran.get(at++);
      round.keep(keys.get(i), r, reused);
      if (!reused && keptOnDisk.get(i) != null) toStore.put(keptOnDisk.get(i), r);
      gathered.add(r);
    }
    List<Observation> sorted = new ArrayList<>(gathered.observations.values());
    sorted.sort(Comparator.comparing(Observation::loc).thenComparing(o -> o.chain().size()));
    if (disk != null) disk.keepAll(toStore, threads);
    InstanceStorage storage = new InstanceStorage(program, round.memo);
    round.commit();
    return new AnalysisResult(
        semantics,
        devices,
        sorted,
        gathered.checkpoints,
        gathered.exits,
        callGraph.relevantCount(),
        roots,
        gathered.exhausted,
        gathered.runtime,
        new ArrayList<>(gathered.freeHooks.values()),
        qdev,
        storage);
  }

  /**
   * Runs {@code pending} on the replayers, those at the indexes {@code first} before the others;
   * the results in the order of {@code pending}.
   */
  private static List<ReplayCache.Replay> runAll(
      ParallelReplays parallel, List<Pending> pending, List<Integer> first) {
    List<ParallelReplays.Task> tasks = new ArrayList<>();
    for (Pending p : pending) tasks.add(p.run());
    List<Integer> order = new ArrayList<>(first);
    Set<Integer> early = new HashSet<>(first);
    for (int i = 0; i < pending.size(); i++) if (!early.contains(i)) order.add(i);
    return parallel.run(tasks, order);
  }

  /** What a device's lifecycle replay is kept under: its name and its factories. */
  private static String keyOf(DeviceType d, Constructors constructors) {
    StringBuilder key = new StringBuilder("device:" + d.name());
    for (Constructors.Constructor c : constructors.of(d.name()))
      key.append('|').append(c.function().key());
    return key.toString();
  }

  /** What the device, run-time and root replays of one analysis found, merged. */
  private static final class Gathered {
    final Map<String, Observation> observations = new LinkedHashMap<>();
    final List<Checkpoint> checkpoints = new ArrayList<>();
    final List<RootExit> exits = new ArrayList<>();
    final Map<String, FreeHookOverride> freeHooks = new LinkedHashMap<>();
    int exhausted;
    RuntimeStates.Counts runtime = RuntimeStates.Counts.NONE;

    void add(ReplayCache.Replay r) {
      r.observations().forEach(observations::put);
      checkpoints.addAll(r.checkpoints());
      exits.addAll(r.exits());
      for (FreeHookOverride h : r.freeHooks())
        freeHooks.putIfAbsent(h.loc() + "|" + h.phaseName() + "|" + h.region().id(), h);
      exhausted += r.exhausted();
      runtime = runtime.plus(r.runtime());
    }
  }

  private boolean touchesApi(DeviceType d, Constructors constructors) {
    if (!constructors.of(d.name()).isEmpty()) return true;
    for (List<Function> fs : d.hooks().values())
      for (Function f : fs) if (Replayer.walked(f, program, callGraph)) return true;
    return false;
  }

  /**
   * The device whose state struct the root takes (as a parameter or copied from a {@code void *});
   * its index in {@code selfIndex[0]}.
   */
  private static DeviceType deviceOf(
      Function f, Map<String, DeviceType> byStruct, RuntimeDispatch dispatch, int[] selfIndex) {
    for (int i = 0; i < f.params().size(); i++) {
      Param p = f.params().get(i);
      DeviceType d = byStruct.get(p.type());
      if (d == null) d = byStruct.get(typeOfLocalCopiedFrom(f, p.name()));
      if (d != null && dispatch.linksDevice(f, i)) {
        selfIndex[0] = i;
        return d;
      }
    }
    return null;
  }

  /** {@code MyState *s = opaque;}: the callback's state struct arrives as a {@code void *}. */
  private static String typeOfLocalCopiedFrom(Function f, String param) {
    for (Stmt s : f.cfg().statements()) {
      if (s instanceof Stmt.Assign a
          && a.target().steps().isEmpty()
          && a.value() instanceof Value.Path p
          && p.path().steps().isEmpty()
          && p.path().root().equals(param)) {
        return f.localTypes().get(a.target().root());
      }
    }
    return null;
  }
}
