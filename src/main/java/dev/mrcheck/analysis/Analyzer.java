package dev.mrcheck.analysis;

import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Param;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.Value;
import dev.mrcheck.model.ApiModel;
import dev.mrcheck.model.Role;
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
 * from the state its device has after realize.
 */
public final class Analyzer {
  private final Program program;
  private final ApiModel model;
  private final Semantics semantics;
  private final CallGraph callGraph;
  private final Map<String, Observation> observations = new LinkedHashMap<>();
  private final List<Checkpoint> checkpoints = new ArrayList<>();

  public Analyzer(Program program, ApiModel model, Semantics semantics) {
    this.program = program;
    this.model = model;
    this.semantics = semantics;
    this.callGraph = new CallGraph(program, model);
  }

  public AnalysisResult analyze() {
    Lifecycles lifecycles = new Lifecycles(program, model);
    List<DeviceType> devices = lifecycles.devices();
    RegionFlow flow = new RegionFlow(program, callGraph, model, this::record);
    Map<String, FreeHookOverride> freeHooks = new LinkedHashMap<>();
    flow.onFreeHook(h -> freeHooks.putIfAbsent(h.loc() + "|" + h.phaseName() + "|" + h.region().id(), h));
    QomClasses qom = new QomClasses(program, model);
    Set<String> qdev = new HashSet<>();
    for (DeviceType d : devices) if (qom.isDevice(d)) qdev.add(d.name());
    Set<String> hookKeys = new HashSet<>();
    Map<String, RegionState> afterRealize = new HashMap<>();
    Map<String, DeviceType> byStruct = new HashMap<>();
    for (DeviceType d : devices) {
      for (List<Function> fs : d.hooks().values()) for (Function f : fs) hookKeys.add(f.key());
      if (d.instanceStruct() != null) byStruct.putIfAbsent(d.instanceStruct(), d);
      if (!touchesApi(d)) continue;
      afterRealize.put(d.name(), replay(flow, d));
    }
    for (Function f : lifecycles.shadowedHooks()) hookKeys.add(f.key());
    // A struct shared by several types, or by an abstract base (PCIDevice), names no single device:
    // a callback taking a PCIDevice * is not the code of whichever type registered sizeof(PCIDevice).
    Map<String, Integer> sharing = new HashMap<>();
    for (dev.mrcheck.ir.TypeRegistration t : program.types().values()) {
      if (t.instanceStruct() == null) continue;
      int weight = "true".equals(t.properties().get("abstract")) ? 2 : 1;
      sharing.merge(t.instanceStruct(), weight, Integer::sum);
    }
    byStruct.keySet().removeIf(st -> sharing.getOrDefault(st, 0) > 1);
    int roots = 0;
    RuntimeDispatch dispatch = new RuntimeDispatch(program);
    for (Function f : program.functions()) {
      if (!callGraph.reachesApi(f.key()) || callGraph.hasCallers(f.key()) || hookKeys.contains(f.key())) continue;
      roots++;
      replayRoot(flow, f, byStruct, afterRealize, dispatch);
    }
    List<Observation> sorted = new ArrayList<>(observations.values());
    sorted.sort(Comparator.comparing(Observation::loc).thenComparing(o -> o.chain().size()));
    return new AnalysisResult(semantics, devices, sorted, checkpoints, callGraph.relevantCount(), roots,
        flow.exhaustedRoots(), new ArrayList<>(freeHooks.values()), qdev);
  }

  private boolean touchesApi(DeviceType d) {
    for (List<Function> fs : d.hooks().values()) for (Function f : fs) if (callGraph.worthFollowing(f.key())) return true;
    return false;
  }

  /** Runs the device's lifecycle; returns its state after realize, the start of its run-time callbacks. */
  private RegionState replay(RegionFlow flow, DeviceType d) {
    RegionState s = new RegionState();
    s = runPhase(flow, d, Role.INSTANCE_INIT, s);
    checkpoints.add(new Checkpoint(d, Role.INSTANCE_INIT,
        "instance_init also runs for throw-away instances, which are finalized at once", s.copy()));
    s = runPhase(flow, d, Role.REALIZE, s);
    RegionState afterRealize = s.copy();
    s.removeIf(f -> f instanceof Fact.Mapped m && m.undoneBefore() == Role.UNREALIZE);
    s = runPhase(flow, d, Role.UNREALIZE, s);
    if (d.hotpluggable()) {
      checkpoints.add(new Checkpoint(d, Role.UNREALIZE, d.name() + " can be unplugged (" + d.hotplugReason() + ")",
          s.copy()));
    }
    // Finalize runs after QOM dropped the child properties, whatever unrealize did: replaying it from
    // the state after realize keeps every region the device owned in view.
    runPhase(flow, d, Role.INSTANCE_FINALIZE, afterRealize.copy());
    return afterRealize;
  }

  private RegionState runPhase(RegionFlow flow, DeviceType d, Role role, RegionState s) {
    flow.startRoot();
    for (Function f : d.hooks(role)) {
      if (!callGraph.worthFollowing(f.key())) continue;
      RegionFlow.Context ctx = new RegionFlow.Context(role, d, List.of(), List.of(f.key()));
      RegionFlow.Exit exit = flow.run(f, List.of(new Place(Place.SELF, selfName(f))), s, ctx);
      if (exit.state() != null) {
        s = exit.state();
        s.swapLocals(new HashMap<>());
      }
    }
    return s;
  }

  private void replayRoot(RegionFlow flow, Function f, Map<String, DeviceType> byStruct,
      Map<String, RegionState> afterRealize, RuntimeDispatch dispatch) {
    int selfIndex = -1;
    DeviceType device = null;
    for (int i = 0; i < f.params().size() && device == null; i++) {
      Param p = f.params().get(i);
      DeviceType d = byStruct.get(p.type());
      if (d == null) d = byStruct.get(typeOfLocalCopiedFrom(f, p.name()));
      if (d != null && dispatch.linksDevice(f, i)) {
        device = d;
        selfIndex = i;
      }
    }
    List<Place> args = new ArrayList<>();
    for (int i = 0; i < f.params().size(); i++) {
      args.add(i == selfIndex ? new Place(Place.SELF, f.params().get(i).name()) : Place.UNKNOWN);
    }
    flow.startRoot();
    RegionState start = device != null && afterRealize.containsKey(device.name())
        ? afterRealize.get(device.name()).copy() : new RegionState();
    flow.run(f, args, start, new RegionFlow.Context(null, device, List.of(), List.of(f.key())));
  }

  /** {@code MyState *s = opaque;}: the callback's state struct arrives as a {@code void *}. */
  private static String typeOfLocalCopiedFrom(Function f, String param) {
    for (Stmt s : f.cfg().statements()) {
      if (s instanceof Stmt.Assign a && a.target().steps().isEmpty()
          && a.value() instanceof Value.Path p && p.path().steps().isEmpty() && p.path().root().equals(param)) {
        return f.localTypes().get(a.target().root());
      }
    }
    return null;
  }

  private static String selfName(Function f) {
    return f.params().isEmpty() ? "self" : f.params().get(0).name();
  }

  /** The same call met again in the same context replaces the earlier visit: its state has grown since. */
  private void record(Observation o) {
    StringBuilder key = new StringBuilder();
    key.append(o.node()).append('|').append(o.loc()).append('|').append(o.effect().getClass().getSimpleName()).append('|').append(o.phase())
        .append('|').append(o.device() == null ? "" : o.device().name());
    o.chain().forEach(t -> key.append('|').append(t.loc()));
    observations.put(key.toString(), o);
  }
}
