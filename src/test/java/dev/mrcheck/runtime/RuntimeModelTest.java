package dev.mrcheck.runtime;

import static dev.mrcheck.model.Semantics.CURRENT;
import static dev.mrcheck.model.Semantics.LEGACY;
import static dev.mrcheck.model.Semantics.REFCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Misowning;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Semantics;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The model against what QEMU documents (docs/lifetime.md), one behaviour per test. */
class RuntimeModelTest {
  private static final SourceLoc INIT = SourceLoc.of("hw/misc/dev.c", 10, 5);
  private static final SourceLoc ADD = SourceLoc.of("hw/misc/dev.c", 20, 5);
  private static final SourceLoc DEL = SourceLoc.of("hw/misc/dev.c", 30, 5);

  private static <T extends Outcome> List<T> outcomes(RuntimeModel m, Class<T> type) {
    return m.outcomes().stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Nested
  class SameOwnerContainerPair {
    private RuntimeModel dropDeviceWithMappedPair(Semantics semantics) {
      RuntimeModel m = new RuntimeModel(semantics);
      QObject dev = m.newObject("dev0");
      Region container = m.initRegion("s->container", dev, RegionKind.CONTAINER, null, INIT);
      Region mmio = m.initRegion("s->mmio", dev, RegionKind.IO, null, INIT);
      m.addSubregion(container, mmio, ADD);
      m.objectUnref(dev, null);
      m.checkLeaks();
      return m;
    }

    @Test
    void isAnOwnerCycleUnderLegacy() {
      RuntimeModel m = dropDeviceWithMappedPair(LEGACY);
      List<Outcome.Leak> leaks = outcomes(m, Outcome.Leak.class);
      assertThat(leaks)
          .singleElement()
          .satisfies(
              leak -> {
                assertThat(leak.subject()).isEqualTo("dev0");
                assertThat(leak.cycle()).isTrue();
                assertThat(leak.loc()).isEqualTo(ADD);
                assertThat(leak.heldBy())
                    .extracting(Reference::holder)
                    .containsExactly("dev0", "s->container");
                assertThat(leak.heldBy())
                    .extracting(Reference::target)
                    .containsExactly("s->container", "dev0");
              });
    }

    @ParameterizedTest
    @EnumSource(
        value = Semantics.class,
        names = {"CURRENT", "REFCOUNT"})
    void isAutoDetachedLaterOn(Semantics semantics) {
      RuntimeModel m = dropDeviceWithMappedPair(semantics);
      assertThat(m.outcomes()).isEmpty();
      assertThat(m.nodes())
          .filteredOn(n -> !(n instanceof QObject o && o.isMachine()))
          .allMatch(Node::isFinalized);
    }

    @Test
    void traceShowsTheAutoDetachUnderCurrent() {
      RuntimeModel m = dropDeviceWithMappedPair(CURRENT);
      assertThat(m.trace())
          .extracting(TraceEntry::message)
          .contains(
              "s->mmio added to s->container (same owner dev0: the container takes no reference)")
          .contains("s->mmio deleted from finalized container s->container");
    }
  }

  @Nested
  class SelfOwnedRegion {
    /**
     * QEMU compares mr->owner pointers: a region that owns itself never has an owner-less
     * container's owner.
     */
    @ParameterizedTest
    @EnumSource(Semantics.class)
    void systemMemoryReferencesItAndKeepsItPastItsUnparent(Semantics semantics) {
      RuntimeModel m = new RuntimeModel(semantics);
      Region sysmem = m.initRegion("system_memory", null, RegionKind.CONTAINER, null, null);
      QObject dev = m.newObject("dev0");
      Region window =
          m.initMisownedRegion(
              "s->window", RegionKind.CONTAINER, Misowning.THE_REGION, "&s->window", dev, INIT);
      m.addSubregion(sysmem, window, ADD);
      m.unparentRegion(window, DEL);
      assertThat(window.isFinalized()).isFalse();
      assertThat(m.outcomes()).isEmpty();
    }
  }

  @Nested
  class ForeignContainer {
    @Test
    void subregionNotDeletedKeepsItsOwnerAliveUnderCurrent() {
      RuntimeModel m = new RuntimeModel(CURRENT);
      Region sysmem = m.initRegion("system_memory", null, RegionKind.CONTAINER, null, null);
      QObject dev = m.newObject("dev0");
      Region mmio = m.initRegion("s->mmio", dev, RegionKind.IO, null, INIT);
      m.addSubregion(sysmem, mmio, ADD);
      m.objectUnref(dev, null);

      assertThat(dev.isFinalized()).isFalse();
      m.ref(mmio, dev, INIT);
      assertThat(m.checkLeaks())
          .singleElement()
          .satisfies(
              leak -> {
                assertThat(leak.message())
                    .contains("also held by: dev0 -> dev0 (memory_region_ref(s->mmio) by dev0");
                assertThat(leak.cycle()).isFalse();
                assertThat(leak.heldBy())
                    .singleElement()
                    .satisfies(
                        ref -> {
                          assertThat(ref.holder()).isEqualTo("system_memory");
                          assertThat(ref.target()).isEqualTo("dev0");
                          assertThat(ref.loc()).isEqualTo(ADD);
                        });
              });
      assertThat(m.trace())
          .extracting(TraceEntry::message)
          .contains("s->mmio added to system_memory (container holds a reference on dev0)")
          .contains("dev0 refcount 2 -> 1 (object_unref by caller)");
    }

    @ParameterizedTest
    @EnumSource(Semantics.class)
    void deletingItFirstLetsTheOwnerDie(Semantics semantics) {
      RuntimeModel m = new RuntimeModel(semantics);
      Region sysmem = m.initRegion("system_memory", null, RegionKind.CONTAINER, null, null);
      QObject dev = m.newObject("dev0");
      Region mmio = m.initRegion("s->mmio", dev, RegionKind.IO, null, INIT);
      m.addSubregion(sysmem, mmio, ADD);
      m.delSubregion(sysmem, mmio, DEL);
      m.objectUnref(dev, null);
      m.checkLeaks();
      assertThat(m.outcomes()).isEmpty();
      assertThat(dev.isFinalized()).isTrue();
      assertThat(sysmem.subregions()).isEmpty();
    }

    @Test
    void underRefcountTheRegionOutlivesAnOwnerThatNeverDeletedIt() {
      RuntimeModel m = new RuntimeModel(REFCOUNT);
      Region sysmem = m.initRegion("system_memory", null, RegionKind.CONTAINER, null, null);
      QObject dev = m.newObject("dev0");
      Region mmio = m.initRegion("s->mmio", dev, RegionKind.IO, null, INIT);
      m.addSubregion(sysmem, mmio, ADD);
      m.objectUnref(dev, null);
      assertThat(dev.isFinalized()).isTrue();
      assertThat(mmio.isFinalized()).isFalse();
      assertThat(outcomes(m, Outcome.UseAfterFinalize.class))
          .singleElement()
          .satisfies(u -> assertThat(u.operation()).isEqualTo("region outlives its owner"));
    }
  }

  @Nested
  class InstanceFinalize {
    @ParameterizedTest
    @EnumSource(Semantics.class)
    void unparentThereIsANoOpButDelSubregionIsAUseAfterFinalize(Semantics semantics) {
      RuntimeModel m = new RuntimeModel(semantics);
      QObject dev = m.newObject("dev0");
      Region container = m.initRegion("s->container", dev, RegionKind.CONTAINER, null, INIT);
      Region mmio = m.initRegion("s->mmio", dev, RegionKind.IO, null, INIT);
      m.addSubregion(container, mmio, ADD);
      m.delSubregion(container, mmio, DEL);
      m.setInstanceFinalize(
          dev,
          () -> {
            assertThat(mmio.isFinalized())
                .as("regions are finalized before instance_finalize")
                .isTrue();
            m.unparentRegion(mmio, SourceLoc.of("hw/misc/dev.c", 40, 5));
            assertThat(m.outcomes()).isEmpty();
            m.delSubregion(container, mmio, SourceLoc.of("hw/misc/dev.c", 41, 5));
          });
      m.objectUnref(dev, null);

      assertThat(m.trace())
          .extracting(TraceEntry::message)
          .contains("object_unparent(s->mmio): already finalized, its parent is NULL: no-op");
      assertThat(m.outcomes())
          .singleElement()
          .isInstanceOfSatisfying(
              Outcome.UseAfterFinalize.class,
              u -> {
                assertThat(u.subject()).isEqualTo("s->mmio");
                assertThat(u.operation()).isEqualTo("memory_region_del_subregion");
                assertThat(u.loc().line()).isEqualTo(41);
              });
    }
  }

  @Nested
  class AddressSpaces {
    /**
     * Under refcount an owner must unparent its regions before it dies; qdev does it after
     * unrealize.
     */
    private void dropRegionsAsQdevWould(RuntimeModel m, Region root) {
      if (m.semantics() == REFCOUNT) {
        m.unparentRegion(root, DEL);
      }
    }

    @ParameterizedTest
    @EnumSource(Semantics.class)
    void destroyFollowedByGFreeRcuLosesTheDestroy(Semantics semantics) {
      RuntimeModel m = new RuntimeModel(semantics);
      QObject dev = m.newObject("dev0");
      Region root = m.initRegion("s->root", dev, RegionKind.CONTAINER, null, INIT);
      AddressSpace as = m.addressSpaceInit("s->as", root, ADD);
      dropRegionsAsQdevWould(m, root);
      m.addressSpaceDestroy(as, DEL);
      SourceLoc free = SourceLoc.of("hw/misc/dev.c", 31, 5);
      m.gFreeRcu(as, free);
      m.objectUnref(dev, null);
      m.rcuDrain();
      List<Outcome.Leak> leaks = m.checkLeaks();

      assertThat(as.isFreed()).isTrue();
      assertThat(as.destroyLost()).isTrue();
      assertThat(dev.isFinalized()).isFalse();
      assertThat(leaks)
          .extracting(Outcome.Leak::subject)
          .containsExactlyInAnyOrder("dev0", "address space s->as (its destroy was lost)");
      assertThat(leaks)
          .filteredOn(l -> l.subject().startsWith("address space"))
          .singleElement()
          .satisfies(l -> assertThat(l.loc()).isEqualTo(free));
      assertThat(m.trace())
          .extracting(TraceEntry::message)
          .anyMatch(l -> l.contains("the destroy is lost"));
    }

    @ParameterizedTest
    @EnumSource(Semantics.class)
    void destroyFreeIsDeferredUntilRcuRuns(Semantics semantics) {
      RuntimeModel m = new RuntimeModel(semantics);
      QObject dev = m.newObject("dev0");
      Region root = m.initRegion("s->root", dev, RegionKind.CONTAINER, null, INIT);
      AddressSpace as = m.addressSpaceInit("s->as", root, ADD);
      dropRegionsAsQdevWould(m, root);
      m.addressSpaceDestroyFree(as, DEL);
      m.objectUnref(dev, null);
      assertThat(dev.isFinalized())
          .as("the root reference is dropped by the RCU callback")
          .isFalse();
      m.rcuDrain();
      assertThat(dev.isFinalized()).isTrue();
      assertThat(as.isFreed()).isTrue();
      assertThat(m.checkLeaks()).isEmpty();
      assertThat(m.outcomes()).isEmpty();
    }

    @Test
    void gFreeWhileTheDestroyIsPendingIsAUseAfterFree() {
      RuntimeModel m = new RuntimeModel(CURRENT);
      QObject dev = m.newObject("dev0");
      AddressSpace as =
          m.addressSpaceInit(
              "s->as", m.initRegion("s->root", dev, RegionKind.CONTAINER, null, INIT), ADD);
      m.addressSpaceDestroy(as, DEL);
      m.gFree(as, DEL);
      m.rcuDrain();
      assertThat(outcomes(m, Outcome.UseAfterFinalize.class))
          .singleElement()
          .satisfies(u -> assertThat(u.operation()).isEqualTo("g_free"));
      assertThat(as.destroyLost()).isTrue();
    }

    @Test
    void anAddressSpaceOverItsOwnersRootKeepsTheOwnerAlive() {
      RuntimeModel m = new RuntimeModel(CURRENT);
      QObject dev = m.newObject("dev0");
      m.addressSpaceInit(
          "s->as", m.initRegion("s->root", dev, RegionKind.CONTAINER, null, INIT), ADD);
      m.objectUnref(dev, null);
      m.rcuDrain();
      assertThat(m.checkLeaks())
          .singleElement()
          .satisfies(
              l -> {
                assertThat(l.subject()).isEqualTo("dev0");
                assertThat(l.heldBy())
                    .extracting(Reference::holder)
                    .containsExactly("address space s->as");
              });
    }

    @ParameterizedTest
    @EnumSource(Semantics.class)
    void aMappingHoldsAReferenceUntilUnmapped(Semantics semantics) {
      RuntimeModel m = new RuntimeModel(semantics);
      Region sysmem = m.initRegion("system_memory", null, RegionKind.CONTAINER, null, null);
      AddressSpace as = m.addressSpaceInit("address_space_memory", sysmem, null);
      QObject dev = m.newObject("dev0");
      Region ram = m.initRegion("s->ram", dev, RegionKind.RAM, null, INIT);
      m.addSubregion(sysmem, ram, ADD);
      Mapping map = m.addressSpaceMap(as, ram, ADD);
      m.delSubregion(sysmem, ram, DEL);
      m.objectUnref(dev, null);
      assertThat(dev.isFinalized()).isEqualTo(semantics == REFCOUNT);
      if (semantics == REFCOUNT) {
        assertThat(ram.isFinalized()).isFalse();
      }
      m.addressSpaceUnmap(map, DEL);
      assertThat(ram.isFinalized()).isTrue();
    }
  }

  @Nested
  class OwnerRefsItsOwnRegion {
    @Test
    void underRefcountItBreaksAnOwnerThatNeverUnparents() {
      RuntimeModel m = new RuntimeModel(REFCOUNT);
      QObject dev = m.newObject("dev0");
      Region mmio = m.initRegion("s->mmio", dev, RegionKind.IO, null, INIT);
      m.ref(mmio, dev, ADD);
      m.objectUnref(dev, null);
      List<Outcome.Leak> leaks = m.checkLeaks();

      assertThat(dev.isFinalized()).isTrue();
      assertThat(mmio.isFinalized()).isFalse();
      assertThat(outcomes(m, Outcome.UseAfterFinalize.class))
          .singleElement()
          .satisfies(
              u -> assertThat(u.message()).contains("s->mmio is still referenced (by dev0)"));
      assertThat(leaks)
          .singleElement()
          .satisfies(
              l -> {
                assertThat(l.subject()).isEqualTo("s->mmio");
                assertThat(l.heldBy()).extracting(Reference::holder).containsExactly("dev0");
              });
    }

    @Test
    void underRefcountUnparentTurnsItIntoACycle() {
      RuntimeModel m = new RuntimeModel(REFCOUNT);
      QObject dev = m.newObject("dev0");
      Region mmio = m.initRegion("s->mmio", dev, RegionKind.IO, null, INIT);
      m.ref(mmio, dev, ADD);
      m.unparentRegion(mmio, DEL);
      m.objectUnref(dev, null);
      assertThat(m.checkLeaks())
          .singleElement()
          .satisfies(
              l -> {
                assertThat(l.subject()).isEqualTo("dev0");
                assertThat(l.cycle()).isTrue();
                assertThat(l.heldBy())
                    .extracting(Reference::holder)
                    .containsExactly("dev0", "s->mmio");
              });
    }

    @ParameterizedTest
    @EnumSource(
        value = Semantics.class,
        names = {"LEGACY", "CURRENT"})
    void underOwnerReferencesItIsASelfCycle(Semantics semantics) {
      RuntimeModel m = new RuntimeModel(semantics);
      QObject dev = m.newObject("dev0");
      Region mmio = m.initRegion("s->mmio", dev, RegionKind.IO, null, INIT);
      m.ref(mmio, dev, ADD);
      m.objectUnref(dev, null);
      assertThat(m.checkLeaks())
          .singleElement()
          .satisfies(
              l -> {
                assertThat(l.cycle()).isTrue();
                assertThat(l.heldBy())
                    .singleElement()
                    .satisfies(
                        r -> {
                          assertThat(r.holder()).isEqualTo("dev0");
                          assertThat(r.target()).isEqualTo("dev0");
                        });
              });
    }

    @ParameterizedTest
    @EnumSource(Semantics.class)
    void aBalancedRefIsFine(Semantics semantics) {
      RuntimeModel m = new RuntimeModel(semantics);
      QObject dev = m.newObject("dev0");
      Region mmio = m.initRegion("s->mmio", dev, RegionKind.IO, null, INIT);
      m.ref(mmio, dev, ADD);
      m.unref(mmio, dev, DEL);
      m.objectUnref(dev, null);
      assertThat(m.checkLeaks()).isEmpty();
      assertThat(m.outcomes()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void nullOwnedRegionsAreNeverReferenceCounted(Semantics semantics) {
    RuntimeModel m = new RuntimeModel(semantics);
    QObject dev = m.newObject("dev0");
    Region container = m.initRegion("s->container", dev, RegionKind.CONTAINER, null, INIT);
    Region ram = m.initRegion("pc.ram", null, RegionKind.RAM, null, INIT);
    assertThat(ram.refcount()).as("only the /machine/unattached child link").isEqualTo(1);
    m.ref(ram, ADD);
    m.addSubregion(container, ram, ADD);
    AddressSpace as = m.addressSpaceInit("ram-as", ram, ADD);
    m.addressSpaceMap(as, ram, ADD);
    assertThat(ram.refcount()).isEqualTo(1);
    assertThat(dev.refcount()).isEqualTo(1);
    assertThat(m.trace())
        .extracting(TraceEntry::message)
        .contains("memory_region_ref(pc.ram): owner NULL, not reference counted");
    m.delSubregion(container, ram, DEL);
    m.objectUnref(dev, null);
    assertThat(m.checkLeaks()).isEmpty();
  }

  @Test
  void anAliasDoesNotReferenceItsTargetUnderCurrent() {
    RuntimeModel m = new RuntimeModel(CURRENT);
    Region sysmem = m.initRegion("system_memory", null, RegionKind.CONTAINER, null, null);
    QObject dev = m.newObject("dev0");
    Region ram = m.initRegion("s->ram", dev, RegionKind.RAM, null, INIT);
    Region alias = m.initRegion("ram-alias", null, RegionKind.ALIAS, ram, INIT);
    assertThat(alias.aliasTarget()).isSameAs(ram);
    assertThat(dev.refcount()).isEqualTo(1);
    assertThat(ram.refcount()).isEqualTo(1);
    m.addSubregion(sysmem, alias, ADD);
    m.objectUnref(dev, DEL);
    assertThat(ram.isFinalized()).as("nothing kept the aliased region alive").isTrue();
    assertThat(outcomes(m, Outcome.FinalizedWhileMapped.class))
        .singleElement()
        .satisfies(f -> assertThat(f.mappedIn()).isEqualTo("alias ram-alias in system_memory"));
  }

  @Test
  void anAliasReferencesItsTargetUnderRefcount() {
    RuntimeModel m = new RuntimeModel(REFCOUNT);
    QObject dev = m.newObject("dev0");
    Region ram = m.initRegion("s->ram", dev, RegionKind.RAM, null, INIT);
    Region alias = m.initRegion("s->alias", dev, RegionKind.ALIAS, ram, INIT);
    assertThat(ram.refcount()).isEqualTo(2);
    m.objectUnref(dev, null);
    assertThat(alias.isFinalized()).isTrue();
    assertThat(ram.isFinalized()).isTrue();
    assertThat(m.outcomes()).isEmpty();
  }

  @Nested
  class Assertions {
    @ParameterizedTest
    @EnumSource(Semantics.class)
    void addingARegionThatIsAlreadyMapped(Semantics semantics) {
      RuntimeModel m = new RuntimeModel(semantics);
      QObject dev = m.newObject("dev0");
      Region a = m.initRegion("s->a", dev, RegionKind.CONTAINER, null, INIT);
      Region b = m.initRegion("s->b", dev, RegionKind.CONTAINER, null, INIT);
      Region mmio = m.initRegion("s->mmio", dev, RegionKind.IO, null, INIT);
      m.addSubregion(a, mmio, ADD);
      m.addSubregion(b, mmio, DEL);
      assertThat(m.outcomes())
          .singleElement()
          .isInstanceOfSatisfying(
              Outcome.AssertionFailure.class,
              f -> assertThat(f.assertion()).isEqualTo("!subregion->container"));
      assertThat(mmio.container()).isSameAs(a);
    }

    @ParameterizedTest
    @EnumSource(Semantics.class)
    void deletingFromAContainerItIsNotIn(Semantics semantics) {
      RuntimeModel m = new RuntimeModel(semantics);
      QObject dev = m.newObject("dev0");
      Region a = m.initRegion("s->a", dev, RegionKind.CONTAINER, null, INIT);
      Region b = m.initRegion("s->b", dev, RegionKind.CONTAINER, null, INIT);
      Region mmio = m.initRegion("s->mmio", dev, RegionKind.IO, null, INIT);
      m.addSubregion(a, mmio, ADD);
      m.delSubregion(b, mmio, DEL);
      assertThat(m.outcomes())
          .singleElement()
          .isInstanceOfSatisfying(
              Outcome.AssertionFailure.class,
              f -> {
                assertThat(f.assertion()).isEqualTo("subregion->container == mr");
                assertThat(f.loc()).isEqualTo(DEL);
              });
    }

    @Test
    void unrefWithoutRefAsserts() {
      RuntimeModel m = new RuntimeModel(CURRENT);
      QObject dev = m.newObject("dev0");
      m.objectUnref(dev, null);
      m.objectUnref(dev, DEL);
      assertThat(m.outcomes()).singleElement().isInstanceOf(Outcome.UseAfterFinalize.class);
    }
  }

  @Nested
  class UnparentWhileMapped {
    private RuntimeModel unparentMapped(Semantics semantics) {
      RuntimeModel m = new RuntimeModel(semantics);
      Region sysmem = m.initRegion("system_memory", null, RegionKind.CONTAINER, null, null);
      QObject dev = m.newObject("dev0");
      Region bar = m.initRegion("s->bar", dev, RegionKind.IO, null, INIT);
      m.addSubregion(sysmem, bar, ADD);
      m.unparentRegion(bar, DEL);
      return m;
    }

    @Test
    void currentFinalizesItAndAssertsOnTheOwners() {
      RuntimeModel m = unparentMapped(CURRENT);
      assertThat(m.outcomes())
          .singleElement()
          .isInstanceOfSatisfying(
              Outcome.FinalizedWhileMapped.class,
              f -> {
                assertThat(f.region()).isEqualTo("s->bar");
                assertThat(f.mappedIn()).isEqualTo("system_memory");
                assertThat(f.message()).contains("mr->container->owner == mr->owner");
              });
    }

    @Test
    void anUnparentedRootOfALiveAddressSpaceIsFinalizedWhileMapped() {
      RuntimeModel m = new RuntimeModel(CURRENT);
      Region root = m.initRegion("dma-root", null, RegionKind.CONTAINER, null, INIT);
      m.addressSpaceInit("dma", root, ADD);
      m.unparentRegion(root, DEL);
      assertThat(outcomes(m, Outcome.FinalizedWhileMapped.class))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.mappedIn()).isEqualTo("address space dma");
                assertThat(f.loc()).isEqualTo(DEL);
              });
    }

    @Test
    void legacyAssertsNoContainer() {
      RuntimeModel m = unparentMapped(LEGACY);
      assertThat(outcomes(m, Outcome.FinalizedWhileMapped.class))
          .singleElement()
          .satisfies(f -> assertThat(f.message()).contains("!mr->container"));
    }

    @Test
    void refcountKeepsTheRegionAndItsOwnerAlive() {
      RuntimeModel m = unparentMapped(REFCOUNT);
      assertThat(m.outcomes()).isEmpty();
      QObject dev =
          (QObject)
              m.nodes().stream().filter(n -> n.name().equals("dev0")).findFirst().orElseThrow();
      m.objectUnref(dev, null);
      assertThat(dev.isFinalized()).isFalse();
      assertThat(m.checkLeaks()).extracting(Outcome.Leak::subject).containsExactly("dev0");
    }
  }

  /**
   * Found by mrcheck selftest: an owner-less region's owner (the machine) never dies, so no
   * auto-detach is safe.
   */
  @ParameterizedTest
  @EnumSource(Semantics.class)
  void ownerLessRegionUnparentedWhileInOwnerLessContainerIsFinalizedWhileMapped(
      Semantics semantics) {
    RuntimeModel m = new RuntimeModel(semantics);
    Region sysmem = m.initRegion("system_memory", null, RegionKind.CONTAINER, null, null);
    Region shadow = m.initRegion("s->shadow", null, RegionKind.ALIAS, null, INIT);
    m.addSubregion(sysmem, shadow, ADD);
    m.unparentRegion(shadow, DEL);

    assertThat(outcomes(m, Outcome.FinalizedWhileMapped.class))
        .singleElement()
        .satisfies(o -> assertThat(o.region()).isEqualTo("s->shadow"));
  }

  /**
   * Found by mrcheck selftest: memory_region_unref only reads mr->owner, which finalization leaves
   * in place, so an unref after the unparent still releases the owner (legacy and current).
   */
  @ParameterizedTest
  @EnumSource(
      value = Semantics.class,
      names = {"LEGACY", "CURRENT"})
  void unrefAfterUnparentStillReleasesTheOwner(Semantics semantics) {
    RuntimeModel m = new RuntimeModel(semantics);
    QObject dev = m.newObject("dev");
    Region mmio = m.initRegion("s->mmio", dev, RegionKind.IO, null, INIT);
    m.ref(mmio, dev, ADD);
    m.unparentRegion(mmio, DEL);
    m.unref(mmio, dev, DEL);
    m.objectUnref(dev, null);

    assertThat(dev.isFinalized()).isTrue();
    assertThat(m.outcomes()).isEmpty();
  }

  /**
   * Found by mrcheck selftest: an unref through a region the caller holds nothing on takes another
   * holder's reference (the count is only a number); the self-test leaves such programs unjudged.
   */
  @ParameterizedTest
  @EnumSource(Semantics.class)
  void anUnrefWithoutItsOwnReferenceTakesAnothersOnlyIfThereIsOne(Semantics semantics) {
    RuntimeModel m = new RuntimeModel(semantics);
    QObject board = m.newObject("board");
    QObject peer = m.newObject("peer");
    m.addChild(board, peer, null);
    m.objectUnref(peer, null); // the board's child property is all that holds the peer
    QObject dev = m.newObject("dev");
    Region a = m.initRegion("s->a", peer, RegionKind.IO, null, INIT);
    Region b = m.initRegion("s->b", peer, RegionKind.IO, null, INIT);
    Region scratch = m.initRegion("s->scratch", null, RegionKind.IO, null, INIT);
    assertThat(m.unrefTakesForeignReference(b, dev)).isFalse();
    m.ref(a, dev, ADD);

    assertThat(m.unrefTakesForeignReference(a, dev)).isFalse();
    assertThat(m.unrefTakesForeignReference(b, dev)).isEqualTo(semantics != Semantics.REFCOUNT);
    assertThat(m.unrefTakesForeignReference(scratch, dev)).isFalse();
  }

  /**
   * memory_region_ref reads only mr->owner, which finalization leaves: a live owner is referenced.
   */
  @ParameterizedTest
  @EnumSource(
      value = Semantics.class,
      names = {"LEGACY", "CURRENT"})
  void aRefOfAFinalizedRegionReferencesItsLiveOwner(Semantics semantics) {
    RuntimeModel m = new RuntimeModel(semantics);
    QObject dev = m.newObject("dev");
    Region win = m.initRegion("s->win", dev, RegionKind.IO, null, INIT);
    m.unparentRegion(win, DEL);
    int before = dev.refcount();

    m.ref(win, ADD);

    assertThat(dev.refcount()).isEqualTo(before + 1);
    assertThat(m.outcomes()).isEmpty();
  }
}
