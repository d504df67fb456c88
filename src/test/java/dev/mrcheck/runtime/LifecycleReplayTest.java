package dev.mrcheck.runtime;

import static dev.mrcheck.model.Semantics.CURRENT;
import static dev.mrcheck.model.Semantics.LEGACY;
import static dev.mrcheck.model.Semantics.REFCOUNT;
import static dev.mrcheck.runtime.LifecyclePhase.INSTANCE_FINALIZE;
import static dev.mrcheck.runtime.LifecyclePhase.INSTANCE_INIT;
import static dev.mrcheck.runtime.LifecyclePhase.REALIZE;
import static dev.mrcheck.runtime.LifecyclePhase.UNREALIZE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Semantics;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Device lifecycles replayed from per-phase event lists, as the analysis will feed them. */
class LifecycleReplayTest {
  private static int line = 100;

  private static SourceLoc at() {
    return SourceLoc.of("hw/misc/dev.c", line++, 5);
  }

  private static MemoryEvent initIo(String path) {
    return new MemoryEvent(
        at(),
        "memory_region_init_io(&" + path + ", ...)",
        new Operation.Init<>(path, "dev0", RegionKind.IO, null));
  }

  private static MemoryEvent initContainer(String path) {
    return new MemoryEvent(
        at(),
        "memory_region_init(&" + path + ", ...)",
        new Operation.Init<>(path, "dev0", RegionKind.CONTAINER, null));
  }

  private static MemoryEvent add(String container, String sub) {
    return new MemoryEvent(
        at(),
        "memory_region_add_subregion(" + container + ", 0, " + sub + ")",
        new Operation.Map<>(sub, container, null));
  }

  private static MemoryEvent del(String container, String sub) {
    return new MemoryEvent(
        at(),
        "memory_region_del_subregion(" + container + ", " + sub + ")",
        new Operation.Unmap<>(sub, container));
  }

  private static LifecycleReplay mmioInSystemMemory(
      Semantics semantics, boolean deleteAtUnrealize) {
    return new LifecycleReplay(semantics, "dev0")
        .machineRegion("system_memory", RegionKind.CONTAINER)
        .phase(INSTANCE_INIT, List.of(initIo("s->mmio")))
        .phase(REALIZE, List.of(add("system_memory", "s->mmio")))
        .phase(UNREALIZE, deleteAtUnrealize ? List.of(del("system_memory", "s->mmio")) : List.of());
  }

  @ParameterizedTest
  @EnumSource(
      value = Semantics.class,
      names = {"LEGACY", "CURRENT"})
  void foreignContainerNotDeletedAtUnrealizeLeaksTheDevice(Semantics semantics) {
    LifecycleResult r = mmioInSystemMemory(semantics, false).run();
    assertThat(r.deviceFinalized()).isFalse();
    assertThat(r.outcomes(Outcome.Leak.class))
        .singleElement()
        .satisfies(
            leak -> {
              assertThat(leak.subject()).isEqualTo("dev0");
              assertThat(leak.heldBy())
                  .extracting(Reference::holder)
                  .containsExactly("system_memory");
              assertThat(leak.loc().line()).isGreaterThanOrEqualTo(100);
            });
  }

  @Test
  void refcountQdevDeletesTheRegionsAfterUnrealize() {
    LifecycleResult r = mmioInSystemMemory(REFCOUNT, false).run();
    assertThat(r.outcomes()).isEmpty();
    assertThat(r.deviceFinalized()).isTrue();
    assertThat(r.trace())
        .extracting(TraceEntry::message)
        .contains("s->mmio deleted from system_memory");
  }

  private static MemoryEvent initOwnerlessIo(String path) {
    return new MemoryEvent(
        at(),
        "memory_region_init_io(&" + path + ", NULL, ...)",
        new Operation.Init<>(path, null, RegionKind.IO, null));
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void ownerlessRegionInTheInstanceStorageDiesWhenQomFreesIt(Semantics semantics) {
    LifecycleResult r =
        new LifecycleReplay(semantics, "dev0")
            .embeddedRegion("s->bar")
            .phase(REALIZE, List.of(initOwnerlessIo("s->bar")))
            .run();
    assertThat(r.deviceFinalized()).isTrue();
    assertThat(r.outcomes(Outcome.OwnerlessDestroyed.class))
        .singleElement()
        .satisfies(o -> assertThat(o.region()).isEqualTo("s->bar"));
    assertThat(r.trace())
        .extracting(TraceEntry::message)
        .anyMatch(
            m -> m.startsWith("QOM frees the instance storage of dev0 after instance_finalize"));
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void instanceStorageFreeLeavesHeapAndOwnedRegionsAlone(Semantics semantics) {
    LifecycleResult heap =
        new LifecycleReplay(semantics, "dev0")
            .phase(REALIZE, List.of(initOwnerlessIo("s->rom")))
            .run();
    assertThat(heap.outcomes()).isEmpty();
    LifecycleResult owned =
        new LifecycleReplay(semantics, "dev0")
            .embeddedRegion("s->mmio")
            .phase(REALIZE, List.of(initIo("s->mmio")))
            .run();
    assertThat(owned.outcomes()).isEmpty();
    assertThat(owned.deviceFinalized()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void deletingAtUnrealizeIsClean(Semantics semantics) {
    LifecycleResult r = mmioInSystemMemory(semantics, true).run();
    assertThat(r.outcomes()).isEmpty();
    assertThat(r.deviceFinalized()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void reRealizingReusesInitRegionsExceptUnderRefcount(Semantics semantics) {
    LifecycleResult r = mmioInSystemMemory(semantics, true).realizeCycles(3).run();
    if (semantics == REFCOUNT) {
      // qdev unparented s->mmio after the first unrealize: the next realize uses a finalized
      // region.
      assertThat(r.outcomes(Outcome.UseAfterFinalize.class))
          .isNotEmpty()
          .allSatisfy(u -> assertThat(u.subject()).isEqualTo("s->mmio"));
    } else {
      assertThat(r.outcomes()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void aDeviceThatIsNeverUnpluggedIsNeverAskedToClean(Semantics semantics) {
    LifecycleResult r = mmioInSystemMemory(semantics, false).hotPluggable(false).run();
    assertThat(r.outcomes()).isEmpty();
    assertThat(r.scenario()).isEqualTo("lifetime");
    assertThat(r.trace())
        .extracting(TraceEntry::message)
        .contains("dev0 is not hot-pluggable: never unrealized, it lives as long as the machine");
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void sameOwnerPairLeftAtTeardownLeaksOnlyUnderLegacy(Semantics semantics) {
    LifecycleResult r =
        new LifecycleReplay(semantics, "dev0")
            .phase(INSTANCE_INIT, List.of(initContainer("s->container"), initIo("s->mmio")))
            .phase(REALIZE, List.of(add("s->container", "s->mmio")))
            .run();
    if (semantics == LEGACY) {
      assertThat(r.outcomes()).singleElement().isInstanceOf(Outcome.Leak.class);
    } else {
      assertThat(r.outcomes()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void instanceFinalizeUnparentIsANoOpAndDelSubregionAUseAfterFinalize(Semantics semantics) {
    SourceLoc delLoc = SourceLoc.of("hw/misc/dev.c", 900, 5);
    LifecycleResult r =
        new LifecycleReplay(semantics, "dev0")
            .phase(INSTANCE_INIT, List.of(initContainer("s->container"), initIo("s->mmio")))
            .phase(REALIZE, List.of(add("s->container", "s->mmio")))
            .phase(UNREALIZE, List.of(del("s->container", "s->mmio")))
            .phase(
                INSTANCE_FINALIZE,
                List.of(
                    new MemoryEvent(
                        at(),
                        "object_unparent(OBJECT(&s->mmio))",
                        new Operation.Unparent<>("s->mmio")),
                    new MemoryEvent(
                        delLoc,
                        "memory_region_del_subregion(&s->container, &s->mmio)",
                        new Operation.Unmap<>("s->mmio", "s->container"))))
            .run();
    assertThat(r.trace())
        .extracting(TraceEntry::message)
        .contains("object_unparent(s->mmio): already finalized, its parent is NULL: no-op");
    assertThat(r.outcomes())
        .singleElement()
        .isInstanceOfSatisfying(
            Outcome.UseAfterFinalize.class,
            u -> {
              assertThat(u.loc()).isEqualTo(delLoc);
              assertThat(u.subject()).isEqualTo("s->mmio");
            });
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void introspectionOfADeviceThatOnlyCreatesRegionsIsClean(Semantics semantics) {
    LifecycleResult r =
        new LifecycleReplay(semantics, "dev0")
            .phase(
                INSTANCE_INIT,
                List.of(
                    initContainer("s->container"),
                    initIo("s->mmio"),
                    new MemoryEvent(
                        at(),
                        "memory_region_init_alias(...)",
                        new Operation.Init<>("s->alias", "dev0", RegionKind.ALIAS, "s->mmio"))))
            .introspect();
    assertThat(r.outcomes()).isEmpty();
    assertThat(r.deviceFinalized()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void introspectionWithASameOwnerPairIsCleanExceptUnderLegacy(Semantics semantics) {
    LifecycleResult r =
        new LifecycleReplay(semantics, "dev0")
            .phase(
                INSTANCE_INIT,
                List.of(
                    initContainer("s->container"),
                    initIo("s->mmio"),
                    add("s->container", "s->mmio")))
            .introspect();
    assertThat(r.outcomes(Outcome.Leak.class)).hasSize(semantics == LEGACY ? 1 : 0);
    assertThat(r.deviceFinalized()).isEqualTo(semantics != LEGACY);
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void introspectionOfADeviceThatMapsInInitIsNotClean(Semantics semantics) {
    LifecycleResult r =
        new LifecycleReplay(semantics, "dev0")
            .machineRegion("system_memory", RegionKind.CONTAINER)
            .phase(INSTANCE_INIT, List.of(initIo("s->mmio"), add("system_memory", "s->mmio")))
            .introspect();
    assertThat(r.outcomes()).isNotEmpty();
    if (semantics == REFCOUNT) {
      assertThat(r.outcomes(Outcome.UseAfterFinalize.class)).isNotEmpty();
    } else {
      assertThat(r.outcomes(Outcome.Leak.class))
          .extracting(Outcome.Leak::subject)
          .containsExactly("dev0");
    }
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void addressSpaceInitInInstanceInitLeaksTheThrowAwayInstance(Semantics semantics) {
    LifecycleResult r =
        new LifecycleReplay(semantics, "dev0")
            .phase(
                INSTANCE_INIT,
                List.of(
                    initContainer("s->root"),
                    new MemoryEvent(
                        at(),
                        "address_space_init(&s->as, &s->root, ...)",
                        new Operation.AddressSpaceInit<>("s->as", "s->root"))))
            .introspect();
    assertThat(r.outcomes()).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void destroyThenGFreeRcuAtUnrealizeLosesTheDestroy(Semantics semantics) {
    LifecycleReplay replay =
        new LifecycleReplay(semantics, "dev0")
            .phase(INSTANCE_INIT, List.of(initContainer("s->root")))
            .phase(
                REALIZE,
                List.of(
                    new MemoryEvent(
                        at(),
                        "address_space_init(s->as, &s->root, ...)",
                        new Operation.AddressSpaceInit<>("s->as", "s->root"))))
            .phase(
                UNREALIZE,
                List.of(
                    new MemoryEvent(
                        at(),
                        "address_space_destroy(s->as)",
                        new Operation.AddressSpaceDestroy<>("s->as", false)),
                    new MemoryEvent(
                        at(),
                        "g_free_rcu(s->as, rcu)",
                        new Operation.Free<>("s->as", true, true))));
    LifecycleResult r = replay.run();
    assertThat(r.deviceFinalized()).isFalse();
    assertThat(r.outcomes(Outcome.Leak.class))
        .extracting(Outcome.Leak::subject)
        .contains("dev0", "address space s->as (its destroy was lost)");
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void destroyFreeAtUnrealizeIsClean(Semantics semantics) {
    LifecycleResult r =
        new LifecycleReplay(semantics, "dev0")
            .phase(INSTANCE_INIT, List.of(initContainer("s->root")))
            .phase(
                REALIZE,
                List.of(
                    new MemoryEvent(
                        at(),
                        "address_space_init",
                        new Operation.AddressSpaceInit<>("s->as", "s->root"))))
            .phase(
                UNREALIZE,
                List.of(
                    new MemoryEvent(
                        at(),
                        "address_space_destroy_free",
                        new Operation.AddressSpaceDestroy<>("s->as", true))))
            .run();
    assertThat(r.outcomes()).isEmpty();
    assertThat(r.deviceFinalized()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void addressSpaceDestroyedOnlyInInstanceFinalizeNeverRuns(Semantics semantics) {
    LifecycleResult r =
        new LifecycleReplay(semantics, "dev0")
            .phase(INSTANCE_INIT, List.of(initContainer("s->root")))
            .phase(
                REALIZE,
                List.of(
                    new MemoryEvent(
                        at(),
                        "address_space_init",
                        new Operation.AddressSpaceInit<>("s->as", "s->root"))))
            .phase(
                INSTANCE_FINALIZE,
                List.of(
                    new MemoryEvent(
                        at(),
                        "address_space_destroy",
                        new Operation.AddressSpaceDestroy<>("s->as", false))))
            .run();
    assertThat(r.deviceFinalized()).isFalse();
    assertThat(r.outcomes(Outcome.Leak.class))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.subject()).isEqualTo("dev0");
              assertThat(l.heldBy().get(0).holder()).isEqualTo("address space s->as");
            });
  }

  @Test
  void refcountOwnerThatRefsItsOwnRegionIsACycleAfterQdevUnparents() {
    LifecycleResult r =
        new LifecycleReplay(REFCOUNT, "dev0")
            .phase(INSTANCE_INIT, List.of(initIo("s->mmio")))
            .phase(
                REALIZE,
                List.of(
                    new MemoryEvent(
                        at(),
                        "memory_region_ref(&s->mmio)",
                        new Operation.Ref<>("s->mmio", false))))
            .run();
    assertThat(r.outcomes())
        .singleElement()
        .isInstanceOfSatisfying(
            Outcome.Leak.class,
            l -> {
              assertThat(l.subject()).isEqualTo("dev0");
              assertThat(l.cycle()).isTrue();
              assertThat(l.heldBy())
                  .extracting(Reference::holder)
                  .containsExactly("dev0", "s->mmio");
            });
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void mapWithoutUnmapLeaksAndUnmapFixesIt(Semantics semantics) {
    MemoryEvent map =
        new MemoryEvent(
            at(),
            "address_space_map(&s->dma_as, ...)",
            new Operation.AddressSpaceMap<>("s->dma_as", "buf", "s->ram"));
    MemoryEvent unmap =
        new MemoryEvent(
            at(),
            "address_space_unmap(&s->dma_as, buf, ...)",
            new Operation.AddressSpaceUnmap<>("buf"));
    MemoryEvent initRam =
        new MemoryEvent(
            at(),
            "memory_region_init_ram",
            new Operation.Init<>("s->ram", "dev0", RegionKind.RAM, null));
    MemoryEvent asInit =
        new MemoryEvent(
            at(), "address_space_init", new Operation.AddressSpaceInit<>("s->dma_as", "s->ram"));
    MemoryEvent asDestroy =
        new MemoryEvent(
            at(), "address_space_destroy", new Operation.AddressSpaceDestroy<>("s->dma_as", false));
    LifecycleResult leaky =
        new LifecycleReplay(semantics, "dev0")
            .phase(INSTANCE_INIT, List.of(initRam))
            .phase(REALIZE, List.of(asInit, map))
            .phase(UNREALIZE, List.of(asDestroy))
            .run();
    assertThat(leaky.outcomes(Outcome.Leak.class))
        .singleElement()
        .satisfies(l -> assertThat(l.heldBy().get(0).holder()).startsWith("mapping of s->ram"));
    LifecycleResult fixed =
        new LifecycleReplay(semantics, "dev0")
            .phase(INSTANCE_INIT, List.of(initRam))
            .phase(REALIZE, List.of(asInit, map, unmap))
            .phase(UNREALIZE, List.of(asDestroy))
            .run();
    assertThat(fixed.outcomes()).isEmpty();
  }

  @Test
  void undeclaredRegionsAreAssumedMachineOwnedAndSaidSo() {
    LifecycleResult r =
        new LifecycleReplay(CURRENT, "dev0")
            .phase(INSTANCE_INIT, List.of(initIo("s->mmio")))
            .phase(REALIZE, List.of(add("get_system_memory()", "s->mmio")))
            .phase(UNREALIZE, List.of(del("get_system_memory()", "s->mmio")))
            .run();
    assertThat(r.outcomes()).isEmpty();
    assertThat(r.trace())
        .extracting(TraceEntry::message)
        .anyMatch(m -> m.startsWith("assuming get_system_memory() is a machine-owned container"));
  }

  @Test
  void foreignOwnedContainersKeepTheDeviceAliveToo() {
    LifecycleResult r =
        new LifecycleReplay(CURRENT, "dev0")
            .foreignRegion("bus->address_space_io", "pci-bus", RegionKind.CONTAINER)
            .phase(INSTANCE_INIT, List.of(initIo("s->io")))
            .phase(REALIZE, List.of(add("bus->address_space_io", "s->io")))
            .run();
    assertThat(r.outcomes(Outcome.Leak.class))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l.heldBy())
                    .extracting(Reference::holder)
                    .containsExactly("bus->address_space_io"));
  }

  @Test
  void theTraceCarriesPhasesEventsAndRefcountSteps() {
    LifecycleResult r = mmioInSystemMemory(CURRENT, false).run();
    List<String> messages = r.trace().stream().map(TraceEntry::message).toList();
    assertThat(messages)
        .contains(
            "== realize of dev0 ==",
            "replay: memory_region_add_subregion(system_memory, 0, s->mmio)",
            "s->mmio added to system_memory (container holds a reference on dev0)");
    assertThat(r.trace())
        .filteredOn(t -> t.message().startsWith("replay:"))
        .allMatch(t -> t.loc() != null);
    assertThat(
            mmioInSystemMemory(CURRENT, false).run().trace().stream()
                .map(TraceEntry::toString)
                .toList())
        .as("deterministic")
        .isNotEmpty();
  }
}
