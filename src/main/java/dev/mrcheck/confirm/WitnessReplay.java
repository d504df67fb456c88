package dev.mrcheck.confirm;

import dev.mrcheck.analysis.Fact;
import dev.mrcheck.analysis.Place;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Witness;
import dev.mrcheck.rules.WitnessStep;
import dev.mrcheck.runtime.LifecyclePhase;
import dev.mrcheck.runtime.LifecycleReplay;
import dev.mrcheck.runtime.LifecycleResult;
import dev.mrcheck.runtime.MemoryEvent;
import dev.mrcheck.runtime.Region;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
  private final Map<String, RegionKind> createdKinds = new LinkedHashMap<>();
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
      if (ReplayNames.creates(s)) {
        created.add(s.subject());
        createdKinds.put(s.subject(), s.regionKind());
      }
      // The analysis names the device's own struct "self": its regions die with the instance
      // storage.
      if (s.kind() == WitnessStep.Kind.INIT
          && s.owner() != Fact.Owner.OTHER
          && s.subject().startsWith("self.")) {
        replay.embeddedRegion(names.of(s.subject()));
      }
    }
    declareUsedRegions(replay, phases);
    for (WitnessStep s : witness.steps()) {
      List<MemoryEvent> events = events(s);
      if (!events.isEmpty())
        phases.computeIfAbsent(phase(s.phase()), p -> new ArrayList<>()).addAll(events);
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

  /**
   * Regions the steps use without creating them: the machine's, another object's, or the device's
   * own.
   */
  private void declareUsedRegions(
      LifecycleReplay replay, Map<LifecyclePhase, List<MemoryEvent>> phases) {
    Set<String> used = new LinkedHashSet<>();
    for (WitnessStep s : witness.steps()) {
      switch (s.kind()) {
        case MAP, UNMAP -> {
          used.add(s.subject());
          used.add(s.other());
        }
        case REF, UNREF, UNPARENT, FIND, AS_MAP, FREE_HOOK -> used.add(s.subject());
        case AS_INIT -> used.add(s.other());
        default -> {}
      }
      if (s.kind() == WitnessStep.Kind.INIT && s.owner() == Fact.Owner.OTHER) {
        String owner = s.otherShown() == null ? "another object" : s.otherShown();
        replay.foreignRegion(names.of(s.subject()), owner, s.regionKind());
      }
    }
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
                new MemoryEvent.InitRegion(
                    null,
                    "assumed: " + name + " is created by " + device,
                    name,
                    RegionKind.CONTAINER,
                    null,
                    false));
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

  private List<MemoryEvent> events(WitnessStep s) {
    String who = phaseLabel(s.phase());
    String subject = names.of(s.subject());
    String other = names.of(s.other());
    return switch (s.kind()) {
      case INIT ->
          s.owner() == Fact.Owner.OTHER
              ? List.of()
              : List.of(
                  new MemoryEvent.InitRegion(
                      s.loc(),
                      who
                          + " initializes "
                          + subject
                          + " ("
                          + kindName(s.regionKind())
                          + ", owner "
                          + (s.owner() == Fact.Owner.NONE ? "NULL" : device)
                          + ")",
                      subject,
                      kind(s.regionKind()),
                      null,
                      s.owner() == Fact.Owner.NONE));
      case MAP ->
          List.of(
              new MemoryEvent.AddSubregion(
                  s.loc(), who + " adds " + subject + " to " + other, other, subject));
      case UNMAP ->
          other == null
              ? List.of()
              : List.of(
                  new MemoryEvent.DelSubregion(
                      s.loc(), who + " deletes " + subject + " from " + other, other, subject));
      case REF ->
          List.of(
              new MemoryEvent.Ref(
                  s.loc(), who + " takes memory_region_ref(" + subject + ")", subject));
      case UNREF ->
          List.of(
              new MemoryEvent.Unref(
                  s.loc(), who + " drops memory_region_unref(" + subject + ")", subject));
      case UNPARENT ->
          List.of(new MemoryEvent.Unparent(s.loc(), who + " unparents " + subject, subject));
      case FREE -> frees(s, who);
      case AS_INIT ->
          List.of(
              new MemoryEvent.AddressSpaceInit(
                  s.loc(),
                  who + " initializes address space " + subject + " over " + other,
                  subject,
                  other));
      case AS_DESTROY ->
          List.of(
              new MemoryEvent.AddressSpaceDestroy(
                  s.loc(), who + " destroys address space " + subject, subject));
      case FIND ->
          List.of(
              new MemoryEvent.Ref(
                  s.loc(),
                  who
                      + " gets "
                      + subject
                      + " from memory_region_find, "
                      + "which takes a reference on it",
                  subject));
      case AS_MAP ->
          List.of(
              new MemoryEvent.Map(
                  s.loc(),
                  who + " maps " + subject + " with address_space_map(" + other + ")",
                  subject,
                  other,
                  subject));
      case RETURN ->
          List.of(
              new MemoryEvent.Return(
                  s.loc(),
                  who + " returns still holding " + subject + ", stored nowhere",
                  subject));
      case AS_FREE ->
          List.of(
              new MemoryEvent.FreeAddressSpace(
                  s.loc(), who + " frees address space " + subject + " with g_free", subject));
      case AS_FREE_RCU ->
          List.of(
              new MemoryEvent.FreeAddressSpaceRcu(
                  s.loc(), who + " frees address space " + subject + " with g_free_rcu", subject));
      case INIT_MISOWNED ->
          List.of(
              new MemoryEvent.InitMisowned(
                  s.loc(),
                  who
                      + " initializes "
                      + subject
                      + " ("
                      + kindName(s.regionKind())
                      + ", owner "
                      + s.otherShown()
                      + ")",
                  subject,
                  kind(s.regionKind()),
                  Region.Misowning.valueOf(s.other()),
                  s.otherShown()));
      case FREE_HOOK ->
          List.of(
              new MemoryEvent.SetFreeHook(
                  s.loc(),
                  who + " sets OBJECT(" + subject + ")->free",
                  subject,
                  "embedded".equals(s.other())));
    };
  }

  /** g_free of a heap struct frees every region the witness created inside it. */
  private List<MemoryEvent> frees(WitnessStep s, String who) {
    List<MemoryEvent> out = new ArrayList<>();
    for (String id : destroyedBy(s)) {
      out.add(
          new MemoryEvent.FreeRegion(
              s.loc(),
              who
                  + " frees "
                  + names.of(s.subject())
                  + (id.equals(s.subject()) ? "" : ", which holds " + names.of(id)),
              names.of(id)));
    }
    return out;
  }

  /**
   * The regions (by replay name) a step destroys: its subject, or for g_free the regions inside it.
   */
  Set<String> destroyedNames(WitnessStep s) {
    Set<String> out = new LinkedHashSet<>();
    if (s.kind() == WitnessStep.Kind.FREE) {
      for (String id : destroyedBy(s)) out.add(names.of(id));
    } else {
      out.add(names.of(s.subject()));
    }
    return out;
  }

  private List<String> destroyedBy(WitnessStep s) {
    List<String> inside = new ArrayList<>();
    for (WitnessStep init : witness.steps()) {
      if (init.kind() == WitnessStep.Kind.INIT
          && Place.isWithin(init.subject(), s.subject())
          && !inside.contains(init.subject())) {
        inside.add(init.subject());
      }
    }
    return inside;
  }

  private static RegionKind kind(RegionKind k) {
    return k == null ? RegionKind.IO : k;
  }

  private static String kindName(RegionKind k) {
    return k == null ? "region" : k.modelName();
  }
}
