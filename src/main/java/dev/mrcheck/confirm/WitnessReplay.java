package dev.mrcheck.confirm;

import dev.mrcheck.analysis.Fact;
import dev.mrcheck.analysis.Place;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Witness;
import dev.mrcheck.rules.WitnessStep;
import dev.mrcheck.runtime.LifecyclePhase;
import dev.mrcheck.runtime.LifecycleReplay;
import dev.mrcheck.runtime.LifecycleResult;
import dev.mrcheck.runtime.MemoryEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates a witness into a {@link LifecycleReplay}: the device, the regions it creates (owner
 * self or NULL), the regions it only uses (machine containers such as {@code system_memory}, or
 * regions of another object), and the calls per lifecycle phase. A witness whose every step runs in
 * instance_init is replayed as the throw-away instance of introspection.
 */
final class WitnessReplay {
  /** The machine's own containers: the analysis names them {@code global:...}. */
  private static final String GLOBAL = "global:";

  private final Witness witness;
  private final ReplayNames names;
  private final String device;
  private final Set<String> created = new LinkedHashSet<>();
  private final List<String> assumptions = new ArrayList<>();

  WitnessReplay(Witness witness) {
    this.witness = witness;
    this.names = new ReplayNames(witness.steps());
    this.device = witness.device() == null ? "the machine's code" : witness.device();
  }

  String device() {
    return device;
  }

  ReplayNames names() {
    return names;
  }

  /**
   * Facts the replay had to assume (undeclared containers, teardown of a device that is never
   * unplugged).
   */
  List<String> assumptions() {
    return assumptions;
  }

  boolean introspectionOnly() {
    return !witness.steps().isEmpty()
        && witness.steps().stream().allMatch(s -> s.phase() == Role.INSTANCE_INIT);
  }

  LifecycleResult run(Semantics semantics) {
    LifecycleReplay replay = new LifecycleReplay(semantics, device).hotPluggable(hotPluggable());
    Map<LifecyclePhase, List<MemoryEvent>> phases = new EnumMap<>(LifecyclePhase.class);
    for (WitnessStep s : witness.steps()) {
      if (ReplayNames.creates(s)) created.add(s.subject().id());
      // The analysis names the device's own struct "self": its regions die with the instance
      // storage.
      if (s.operation() instanceof Operation.Init
          && s.owner() != Fact.Owner.OTHER
          && s.subject().id().startsWith("self.")) {
        replay.embeddedRegion(names.of(s.subject().id()));
      }
    }
    Set<String> used = new LinkedHashSet<>();
    List<List<MemoryEvent>> events = new ArrayList<>();
    for (WitnessStep s : witness.steps()) {
      StepEvents translation = new StepEvents(this, s);
      events.add(s.operation().accept(translation));
      for (Place p : translation.used()) used.add(p.id());
      foreignInit(replay, s);
    }
    declareUsedRegions(replay, phases, used);
    for (int i = 0; i < events.size(); i++) {
      if (!events.get(i).isEmpty()) {
        phases
            .computeIfAbsent(phase(witness.steps().get(i).phase()), p -> new ArrayList<>())
            .addAll(events.get(i));
      }
    }
    phases.forEach(replay::phase);
    return introspectionOnly() ? replay.introspect() : replay.run();
  }

  /**
   * Teardown code only runs if the device is torn down: a witness that needs unrealize or
   * instance_finalize is replayed as a hot-unplug even when the device is not hot-pluggable (failed
   * realize, machine teardown), and the trace says so.
   */
  private boolean hotPluggable() {
    if (witness.hotpluggable()) return true;
    if (witness.expected() == Witness.Expectation.OWNER_MISUSE) {
      assumptions.add(
          device
              + " is not hot-pluggable; replayed as torn down anyway (failed realize, machine "
              + "teardown), since a region's owner decides what happens to it then");
      return true;
    }
    boolean teardown =
        witness.steps().stream()
            .anyMatch(s -> s.phase() == Role.UNREALIZE || s.phase() == Role.INSTANCE_FINALIZE);
    if (teardown) {
      assumptions.add(
          device
              + " is not hot-pluggable; replayed as torn down anyway, since the finding's code "
              + "runs at unrealize or instance_finalize (failed realize, machine teardown)");
    }
    return teardown;
  }

  /** A region of another object the witness shows being made: it outlives the device. */
  private void foreignInit(LifecycleReplay replay, WitnessStep s) {
    if (s.operation() instanceof Operation.Init<Place> init && s.owner() == Fact.Owner.OTHER) {
      String owner = init.owner() == null ? "another object" : init.owner().shown();
      replay.foreignRegion(names.of(s.subject().id()), owner, init.kind());
    }
  }

  /**
   * Regions the steps use without creating them: the machine's, another object's, or the device's
   * own.
   */
  private void declareUsedRegions(
      LifecycleReplay replay, Map<LifecyclePhase, List<MemoryEvent>> phases, Set<String> used) {
    for (String id : used) {
      if (id == null || created.contains(id)) continue;
      String name = names.of(id);
      if (id.startsWith(GLOBAL)) {
        replay.machineRegion(name, RegionKind.CONTAINER);
      } else if (id.startsWith("self.")) {
        assumptions.add(
            name
                + " is taken to be "
                + device
                + "'s own container (its init is not part of the witness)");
        phases
            .computeIfAbsent(LifecyclePhase.INSTANCE_INIT, p -> new ArrayList<>())
            .add(
                new MemoryEvent(
                    null,
                    "assumed: " + name + " is created by " + device,
                    new Operation.Init<>(name, device, RegionKind.CONTAINER, null)));
        created.add(id);
      } else {
        assumptions.add(
            name + " is taken to be a region of another object that outlives " + device);
        replay.foreignRegion(name, "the owner of " + name, RegionKind.CONTAINER);
      }
    }
  }

  private static LifecyclePhase phase(Role role) {
    if (role == null) return LifecyclePhase.RUNTIME;
    return switch (role) {
      case CLASS_INIT, INSTANCE_INIT -> LifecyclePhase.INSTANCE_INIT;
      case REALIZE -> LifecyclePhase.REALIZE;
      case UNREALIZE -> LifecyclePhase.UNREALIZE;
      case INSTANCE_FINALIZE -> LifecyclePhase.INSTANCE_FINALIZE;
    };
  }

  /** How a step reads in the trace: "realize adds s->mmio to pci_io". */
  static String phaseLabel(Role role) {
    return role == null ? "run-time code" : role.modelName();
  }

  /** A g_free of storage (not of an address space): it frees the regions inside. */
  static boolean freesRegions(WitnessStep s) {
    return s.operation() instanceof Operation.Free<Place> f && !f.addressSpace();
  }

  /** The regions (by id) a g_free of {@code storage} frees: those the witness creates inside it. */
  List<String> regionsWithin(Place storage) {
    List<String> inside = new ArrayList<>();
    for (WitnessStep init : witness.steps()) {
      if (init.operation() instanceof Operation.Init
          && Place.isWithin(init.subject().id(), storage.id())
          && !inside.contains(init.subject().id())) {
        inside.add(init.subject().id());
      }
    }
    return inside;
  }

  /**
   * The regions (by replay name) a step destroys: its subject, or for g_free the regions inside it.
   */
  Set<String> destroyedNames(WitnessStep s) {
    Set<String> out = new LinkedHashSet<>();
    if (freesRegions(s)) {
      for (String id : regionsWithin(s.subject())) out.add(names.of(id));
    } else {
      out.add(names.of(s.subject().id()));
    }
    return out;
  }

  static RegionKind kind(RegionKind k) {
    return k == null ? RegionKind.IO : k;
  }

  static String kindName(RegionKind k) {
    return k == null ? "region" : k.modelName();
  }
}
