package dev.mrcheck.runtime;

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
      event.accept(replayer);
    }

    /** What each event does to the model: the one dispatch on {@link MemoryEvent}. */
    private final MemoryEvent.Visitor<Void> replayer =
        new MemoryEvent.Visitor<>() {
          @Override
          public Void visitInitRegion(MemoryEvent.InitRegion e) {
            Region existing = regions.get(e.region());
            if (existing != null && !existing.isFinalized()) {
              model.note(
                  e.loc(),
                  e.region() + " re-initialized while the previous region by that name is alive");
            }
            Region alias = e.aliasOf() == null ? null : region(e.aliasOf(), e);
            regions.put(
                e.region(),
                model.initRegion(
                    e.region(), e.ownerNull() ? null : device, e.kind(), alias, e.loc()));
            runtimeChange(e.region(), "created", e);
            return null;
          }

          @Override
          public Void visitInitMisowned(MemoryEvent.InitMisowned e) {
            regions.put(
                e.region(),
                model.initMisownedRegion(
                    e.region(), e.kind(), e.misuse(), e.ownerShown(), device, e.loc()));
            return null;
          }

          @Override
          public Void visitSetFreeHook(MemoryEvent.SetFreeHook e) {
            model.setFreeHook(region(e.region(), e), e.embedded(), e.loc());
            return null;
          }

          @Override
          public Void visitAddSubregion(MemoryEvent.AddSubregion e) {
            model.addSubregion(region(e.container(), e), region(e.region(), e), e.loc());
            return null;
          }

          @Override
          public Void visitDelSubregion(MemoryEvent.DelSubregion e) {
            model.delSubregion(region(e.container(), e), region(e.region(), e), e.loc());
            return null;
          }

          @Override
          public Void visitRef(MemoryEvent.Ref e) {
            model.ref(region(e.region(), e), device, e.loc());
            return null;
          }

          @Override
          public Void visitUnref(MemoryEvent.Unref e) {
            model.unref(region(e.region(), e), device, e.loc());
            return null;
          }

          @Override
          public Void visitUnparent(MemoryEvent.Unparent e) {
            model.unparentRegion(region(e.region(), e), e.loc());
            runtimeChange(e.region(), "destroyed (object_unparent)", e);
            return null;
          }

          @Override
          public Void visitFreeRegion(MemoryEvent.FreeRegion e) {
            model.freeRegion(region(e.region(), e), e.loc());
            runtimeChange(e.region(), "freed", e);
            return null;
          }

          @Override
          public Void visitUse(MemoryEvent.Use e) {
            model.useRegion(region(e.region(), e), e.operation(), e.loc());
            return null;
          }

          @Override
          public Void visitAddressSpaceInit(MemoryEvent.AddressSpaceInit e) {
            spaces.put(
                e.space(), model.addressSpaceInit(e.space(), region(e.root(), e), device, e.loc()));
            return null;
          }

          @Override
          public Void visitAddressSpaceDestroy(MemoryEvent.AddressSpaceDestroy e) {
            withSpace(e.space(), e, as -> model.addressSpaceDestroy(as, e.loc()));
            return null;
          }

          @Override
          public Void visitAddressSpaceDestroyFree(MemoryEvent.AddressSpaceDestroyFree e) {
            withSpace(e.space(), e, as -> model.addressSpaceDestroyFree(as, e.loc()));
            return null;
          }

          @Override
          public Void visitFreeAddressSpace(MemoryEvent.FreeAddressSpace e) {
            withSpace(e.space(), e, as -> model.gFree(as, e.loc()));
            return null;
          }

          @Override
          public Void visitFreeAddressSpaceRcu(MemoryEvent.FreeAddressSpaceRcu e) {
            withSpace(e.space(), e, as -> model.gFreeRcu(as, e.loc()));
            return null;
          }

          @Override
          public Void visitMap(MemoryEvent.Map e) {
            AddressSpace as = spaces.computeIfAbsent(e.space(), name -> machineSpace(name, e));
            mappings.put(e.handle(), model.addressSpaceMap(as, region(e.region(), e), e.loc()));
            return null;
          }

          @Override
          public Void visitUnmap(MemoryEvent.Unmap e) {
            Mapping m = mappings.get(e.handle());
            if (m == null) {
              model.note(e.loc(), "unmap of unknown mapping " + e.handle() + ": ignored");
            } else {
              model.addressSpaceUnmap(m, e.loc());
            }
            return null;
          }

          @Override
          public Void visitReturn(MemoryEvent.Return e) {
            Mapping m = mappings.get(e.held());
            String why = "the function returns and nothing else holds the pointer";
            if (m != null) {
              model.loseMapping(m, e.loc(), why);
            } else {
              model.loseReference(region(e.held(), e), device, e.loc(), why);
            }
            return null;
          }
        };

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
