package dev.mrcheck.runtime;

import dev.mrcheck.model.Operation;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Semantics;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Drives one device through its life on a fresh {@link RuntimeModel}, replaying the memory-API
 * events the analysis found in each lifecycle function (docs/lifetime.md#phases):
 *
 * <ul>
 *   <li>{@link #run()}: instance_init, attach to the QOM tree, (realize, unrealize)×cycles,
 *       unparent, drop the creator's reference, drain RCU, then look for what is still alive. A
 *       device that is not hot-pluggable stops after realize: it lives as long as the machine.
 *   <li>{@link #introspect()}: the throw-away instance made to list properties: instance_init then
 *       the last unref, without ever being realized.
 * </ul>
 *
 * <p>Regions the device does not create are named by {@link #machineRegion} (owner NULL, e.g.
 * {@code system_memory}) or {@link #foreignRegion} (owned by another object that outlives the
 * device, e.g. a parent's BAR). An undeclared name is taken as a machine-owned container, and the
 * trace says so.
 */
public final class LifecycleReplay {
  private final Semantics semantics;
  private final String deviceName;
  private boolean hotPluggable = true;
  private int realizeCycles = 1;
  private final Map<String, RegionKind> machineRegions = new LinkedHashMap<>();
  private final Map<String, Map.Entry<String, RegionKind>> foreignRegions = new LinkedHashMap<>();
  private final Map<LifecyclePhase, List<MemoryEvent>> phases = new EnumMap<>(LifecyclePhase.class);
  private final Set<String> embedded = new LinkedHashSet<>();

  public LifecycleReplay(Semantics semantics, String deviceName) {
    this.semantics = Objects.requireNonNull(semantics, "semantics");
    this.deviceName = Objects.requireNonNull(deviceName, "deviceName");
  }

  /** Whether the device can be unplugged (dc->hotpluggable and a bus that accepts hot-unplug). */
  public LifecycleReplay hotPluggable(boolean value) {
    hotPluggable = value;
    return this;
  }

  /** How many realize/unrealize rounds to replay before the final unplug (at least one). */
  public LifecycleReplay realizeCycles(int cycles) {
    realizeCycles = Math.max(1, cycles);
    return this;
  }

  public LifecycleReplay machineRegion(String path, RegionKind kind) {
    machineRegions.put(path, kind);
    return this;
  }

  public LifecycleReplay foreignRegion(String path, String ownerName, RegionKind kind) {
    foreignRegions.put(path, Map.entry(ownerName, kind));
    return this;
  }

  /**
   * A region the device creates inside its own instance struct ({@code &s->mmio}): QOM frees the
   * instance storage after instance_finalize, and the region dies with it (docs/rules/MR003.md).
   */
  public LifecycleReplay embeddedRegion(String path) {
    embedded.add(path);
    return this;
  }

  public LifecycleReplay phase(LifecyclePhase phase, List<MemoryEvent> events) {
    phases.put(phase, List.copyOf(events));
    return this;
  }

  /** The device's whole life: hot-unplugged if it can be, else kept for the machine's lifetime. */
  public LifecycleResult run() {
    Scene scene = new Scene();
    RuntimeModel model = scene.model;
    scene.replay(LifecyclePhase.INSTANCE_INIT);
    model.addChild(model.machine(), scene.device, null);
    for (int round = 1; round <= realizeCycles; round++) {
      scene.replay(LifecyclePhase.REALIZE);
      scene.replay(LifecyclePhase.RUNTIME);
      if (!hotPluggable) {
        model.note(
            null,
            deviceName
                + " is not hot-pluggable: never unrealized, it lives as long as the machine");
        return scene.result("lifetime");
      }
      scene.replay(LifecyclePhase.UNREALIZE);
      model.afterUnrealize(scene.device);
    }
    model.note(null, "== unplug: " + deviceName + " unparented from the QOM tree ==");
    model.objectUnparent(scene.device, null);
    model.note(null, "== last external reference on " + deviceName + " dropped ==");
    model.objectUnref(scene.device, null);
    model.rcuDrain();
    model.checkLeaks();
    return scene.result("hot-unplug");
  }

  /** The throw-away instance of introspection: instance_init then finalize, never realized. */
  public LifecycleResult introspect() {
    Scene scene = new Scene();
    scene.replay(LifecyclePhase.INSTANCE_INIT);
    scene.model.note(
        null, "== throw-away instance: last reference on " + deviceName + " dropped ==");
    scene.model.objectUnref(scene.device, null);
    scene.model.rcuDrain();
    scene.model.checkLeaks();
    return scene.result("introspection");
  }

  /** The per-run state: a fresh model and the names the events use. */
  private final class Scene {
    final RuntimeModel model = new RuntimeModel(semantics);
    final QObject device;
    final Map<String, Region> regions = new HashMap<>();
    final Map<String, AddressSpace> spaces = new HashMap<>();
    final Map<String, Mapping> mappings = new HashMap<>();
    final GraphRecorder graph = new GraphRecorder();

    /** The phase being replayed: run-time code is where regions should not come and go. */
    LifecyclePhase current;

    Scene() {
      for (Map.Entry<String, RegionKind> e : machineRegions.entrySet()) {
        regions.put(e.getKey(), model.initRegion(e.getKey(), null, e.getValue(), null, null));
      }
      Map<String, QObject> owners = new HashMap<>();
      for (Map.Entry<String, Map.Entry<String, RegionKind>> e : foreignRegions.entrySet()) {
        QObject owner = owners.computeIfAbsent(e.getValue().getKey(), this::machineChild);
        regions.put(
            e.getKey(), model.initRegion(e.getKey(), owner, e.getValue().getValue(), null, null));
      }
      device = model.newObject(deviceName);
      model.setInstanceFinalize(
          device,
          () -> {
            replay(LifecyclePhase.INSTANCE_FINALIZE);
            freeInstanceStorage();
          });
    }

    /**
     * What QOM does once instance_finalize returned: g_free of the instance, with the regions in
     * it. The device's own regions died with its child properties (or, under refcount, hold the
     * device until they die); an owner-less one is still a child of /machine/unattached when its
     * storage goes.
     */
    private void freeInstanceStorage() {
      List<Region> alive = new ArrayList<>();
      for (String path : embedded) {
        Region r = regions.get(path);
        if (r != null && !r.isFinalized() && r.owner() == null) alive.add(r);
      }
      if (alive.isEmpty()) return;
      model.note(
          null,
          "QOM frees the instance storage of "
              + deviceName
              + " after instance_finalize: the regions "
              + "embedded in it die with it");
      for (Region r : alive) model.freeRegion(r, null);
    }

    private QObject machineChild(String name) {
      QObject obj = model.newObject(name);
      model.addChild(model.machine(), obj, null);
      model.objectUnref(obj, null);
      return obj;
    }

    void replay(LifecyclePhase phase) {
      if (phase == LifecyclePhase.RUNTIME && !phases.containsKey(phase)) {
        return; // most devices have no run-time events: keep their traces as they were
      }
      model.note(null, "== " + phase.label() + " of " + deviceName + " ==");
      LifecyclePhase outer = current;
      current = phase;
      for (MemoryEvent event : phases.getOrDefault(phase, List.of())) {
        model.note(event.loc(), "replay: " + event.description());
        apply(event);
      }
      graph.record(model);
      current = outer;
    }

    /**
     * Replays one event on the model. In run-time code, where regions should not come and go, a
     * region's creation or destruction is noted as well.
     */
    private void apply(MemoryEvent event) {
      event.operation().accept(new Replayer(event));
    }

    /**
     * What each operation does to the model: the one dispatch on the replayed operations. The
     * analysis' own vocabulary (what the API model says of a call, never a witness step) has no
     * runtime counterpart.
     */
    private final class Replayer implements Operation.Visitor<String, Void> {
      private final MemoryEvent e;

      Replayer(MemoryEvent e) {
        this.e = e;
      }

      @Override
      public Void visitInit(Operation.Init<String> o) {
        Region existing = regions.get(o.region());
        if (existing != null && !existing.isFinalized()) {
          model.note(
              e.loc(),
              o.region() + " re-initialized while the previous region by that name is alive");
        }
        Region alias = o.aliasTarget() == null ? null : region(o.aliasTarget(), e);
        regions.put(
            o.region(),
            model.initRegion(
                o.region(), o.owner() == null ? null : device, o.kind(), alias, e.loc()));
        runtimeChange(o.region(), "created", e);
        return null;
      }

      @Override
      public Void visitInitMisowned(Operation.InitMisowned<String> o) {
        regions.put(
            o.region(),
            model.initMisownedRegion(o.region(), o.kind(), o.misuse(), o.owner(), device, e.loc()));
        return null;
      }

      @Override
      public Void visitSetFreeHook(Operation.SetFreeHook<String> o) {
        model.setFreeHook(region(o.region(), e), o.embedded(), e.loc());
        return null;
      }

      @Override
      public Void visitMap(Operation.Map<String> o) {
        model.addSubregion(region(o.container(), e), region(o.region(), e), e.loc());
        return null;
      }

      @Override
      public Void visitUnmap(Operation.Unmap<String> o) {
        model.delSubregion(region(o.container(), e), region(o.region(), e), e.loc());
        return null;
      }

      @Override
      public Void visitRef(Operation.Ref<String> o) {
        model.ref(region(o.target(), e), device, e.loc());
        return null;
      }

      /** memory_region_find: the section's region carries a reference, as a ref takes one. */
      @Override
      public Void visitFind(Operation.Find<String> o) {
        model.ref(region(o.reference(), e), device, e.loc());
        return null;
      }

      @Override
      public Void visitUnref(Operation.Unref<String> o) {
        model.unref(region(o.target(), e), device, e.loc());
        return null;
      }

      @Override
      public Void visitUnparent(Operation.Unparent<String> o) {
        model.unparentRegion(region(o.target(), e), e.loc());
        runtimeChange(o.target(), "destroyed (object_unparent)", e);
        return null;
      }

      @Override
      public Void visitFree(Operation.Free<String> o) {
        if (o.addressSpace()) {
          withSpace(
              o.target(),
              e,
              as -> {
                if (o.rcu()) model.gFreeRcu(as, e.loc());
                else model.gFree(as, e.loc());
              });
          return null;
        }
        if (o.rcu())
          throw new IllegalStateException("g_free_rcu of a region is not modelled: " + e);
        model.freeRegion(region(o.target(), e), e.loc());
        runtimeChange(o.target(), "freed", e);
        return null;
      }

      @Override
      public Void visitUse(Operation.Use<String> o) {
        model.useRegion(region(o.region(), e), o.call(), e.loc());
        return null;
      }

      @Override
      public Void visitAddressSpaceInit(Operation.AddressSpaceInit<String> o) {
        spaces.put(
            o.addressSpace(),
            model.addressSpaceInit(o.addressSpace(), region(o.root(), e), device, e.loc()));
        return null;
      }

      @Override
      public Void visitAddressSpaceDestroy(Operation.AddressSpaceDestroy<String> o) {
        withSpace(
            o.addressSpace(),
            e,
            as -> {
              if (o.frees()) model.addressSpaceDestroyFree(as, e.loc());
              else model.addressSpaceDestroy(as, e.loc());
            });
        return null;
      }

      @Override
      public Void visitAddressSpaceMap(Operation.AddressSpaceMap<String> o) {
        AddressSpace as = spaces.computeIfAbsent(o.addressSpace(), name -> machineSpace(name, e));
        mappings.put(o.result(), model.addressSpaceMap(as, region(o.region(), e), e.loc()));
        return null;
      }

      @Override
      public Void visitAddressSpaceUnmap(Operation.AddressSpaceUnmap<String> o) {
        Mapping m = mappings.get(o.mapping());
        if (m == null) {
          model.note(e.loc(), "unmap of unknown mapping " + o.mapping() + ": ignored");
        } else {
          model.addressSpaceUnmap(m, e.loc());
        }
        return null;
      }

      @Override
      public Void visitReturnsHolding(Operation.ReturnsHolding<String> o) {
        Mapping m = mappings.get(o.held());
        String why = "the function returns and nothing else holds the pointer";
        if (m != null) {
          model.loseMapping(m, e.loc(), why);
        } else {
          model.loseReference(region(o.held(), e), device, e.loc(), why);
        }
        return null;
      }

      @Override
      public Void visitKeeps(Operation.Keeps<String> o) {
        throw notReplayed(o);
      }

      @Override
      public Void visitReturns(Operation.Returns<String> o) {
        throw notReplayed(o);
      }

      @Override
      public Void visitDeviceOwner(Operation.DeviceOwner<String> o) {
        throw notReplayed(o);
      }

      @Override
      public Void visitRegisters(Operation.Registers<String> o) {
        throw notReplayed(o);
      }

      @Override
      public Void visitReportsError(Operation.ReportsError<String> o) {
        throw notReplayed(o);
      }

      @Override
      public Void visitTestsMapped(Operation.TestsMapped<String> o) {
        throw notReplayed(o);
      }

      private IllegalStateException notReplayed(Operation<String> o) {
        return new IllegalStateException(
            "the runtime model does not replay " + o + " (" + e.description() + ")");
      }
    }

    /**
     * In run-time code, a region created or destroyed is noted: regions should not come and go
     * there.
     */
    private void runtimeChange(String region, String what, MemoryEvent e) {
      if (current == LifecyclePhase.RUNTIME && regions.containsKey(region)) {
        model.runtimeRegionChange(regions.get(region), what, e.loc());
      }
    }

    private Region region(String path, MemoryEvent event) {
      return regions.computeIfAbsent(
          path,
          p -> {
            model.note(
                event.loc(),
                "assuming "
                    + p
                    + " is a machine-owned container (not declared, not created by the device)");
            return model.initRegion(p, null, RegionKind.CONTAINER, null, null);
          });
    }

    private AddressSpace machineSpace(String name, MemoryEvent event) {
      model.note(event.loc(), "assuming " + name + " is a machine address space");
      return model.addressSpaceInit(name, region(name + ".root", event), null);
    }

    private void withSpace(String name, MemoryEvent event, Consumer<AddressSpace> action) {
      AddressSpace as = spaces.get(name);
      if (as == null) {
        model.note(event.loc(), "address space " + name + " was never initialized here: ignored");
      } else {
        action.accept(as);
      }
    }

    LifecycleResult result(String scenario) {
      graph.record(model);
      return new LifecycleResult(
          scenario,
          model.outcomes(),
          model.trace(),
          device.isFinalized(),
          graph.build(model, model.outcomes()));
    }
  }
}
