package dev.mrcheck.runtime;

import static dev.mrcheck.model.Semantics.CURRENT;
import static dev.mrcheck.model.Semantics.LEGACY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Semantics;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the model gained for confirming findings: owner-less destruction, g_free, run-time code,
 * live-owner finalize.
 */
class ConfirmationSupportTest {
  private static final SourceLoc AT = SourceLoc.of("hw/dev.c", 7, 5);

  private static QObject device(RuntimeModel m) {
    QObject dev = m.newObject("dev0");
    m.addChild(m.machine(), dev, null);
    return dev;
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void unparentingAnOwnerlessRamRegionIsObserved(Semantics semantics) {
    RuntimeModel m = new RuntimeModel(semantics);
    Region ram = m.initRegion("s->shadow", null, RegionKind.RAM, null, null);
    m.unparentRegion(ram, AT);
    assertThat(m.outcomes())
        .singleElement()
        .isInstanceOfSatisfying(
            Outcome.OwnerlessDestroyed.class,
            o -> {
              assertThat(o.region()).isEqualTo("s->shadow");
              assertThat(o.operation()).isEqualTo("object_unparent");
              assertThat(o.loc()).isEqualTo(AT);
            });
    assertThat(ram.isFinalized()).isTrue();
  }

  @Test
  void ownerlessAliasesAndContainersMayBeDestroyed() {
    RuntimeModel m = new RuntimeModel(CURRENT);
    m.unparentRegion(m.initRegion("pam", null, RegionKind.ALIAS, null, null), AT);
    m.unparentRegion(m.initRegion("win", null, RegionKind.CONTAINER, null, null), AT);
    assertThat(m.outcomes()).isEmpty();
  }

  @Test
  void freeingALiveOwnerlessRegionIsObservedAndFinalizesIt() {
    RuntimeModel m = new RuntimeModel(CURRENT);
    Region io = m.initRegion("sysctl->iomem", null, RegionKind.IO, null, null);
    m.freeRegion(io, AT);
    assertThat(m.outcomes()).singleElement().isInstanceOf(Outcome.OwnerlessDestroyed.class);
    assertThat(io.isFinalized()).isTrue();
  }

  @Test
  void freeingTheStorageOfAFinalizedRegionIsFine() {
    RuntimeModel m = new RuntimeModel(CURRENT);
    QObject dev = device(m);
    Region mmio = m.initRegion("s->mmio", dev, RegionKind.IO, null, null);
    m.unparentRegion(mmio, null);
    m.freeRegion(mmio, AT);
    assertThat(m.outcomes()).isEmpty();
  }

  @Test
  void freeingALiveOwnedRegionIsAUseAfterFree() {
    RuntimeModel m = new RuntimeModel(CURRENT);
    Region mmio = m.initRegion("s->mmio", device(m), RegionKind.IO, null, null);
    m.freeRegion(mmio, AT);
    assertThat(m.outcomes()).singleElement().isInstanceOf(Outcome.UseAfterFinalize.class);
  }

  @Test
  void sameOwnerSubregionUnparentedWhileItsOwnerLivesIsFinalizedWhileMapped() {
    RuntimeModel m = new RuntimeModel(CURRENT);
    QObject dev = device(m);
    Region window = m.initRegion("s->window", dev, RegionKind.CONTAINER, null, null);
    Region probe = m.initRegion("s->probe", dev, RegionKind.ALIAS, null, null);
    m.addSubregion(window, probe, null);
    m.unparentRegion(probe, AT);
    assertThat(m.outcomes())
        .singleElement()
        .isInstanceOfSatisfying(
            Outcome.FinalizedWhileMapped.class,
            o -> {
              assertThat(o.region()).isEqualTo("s->probe");
              assertThat(o.mappedIn()).isEqualTo("s->window");
              assertThat(o.message()).contains("its owner dev0 is alive");
            });
    assertThat(window.subregions()).isEmpty();
  }

  @Test
  void runTimeEventsReplayBetweenRealizeAndUnrealize() {
    LifecycleResult r =
        new LifecycleReplay(LEGACY, "dev0")
            .phase(
                LifecyclePhase.REALIZE,
                List.of(
                    new MemoryEvent(
                        AT, "init", new Operation.Init<>("s->shadow", null, RegionKind.RAM, null))))
            .phase(
                LifecyclePhase.RUNTIME,
                List.of(
                    new MemoryEvent(
                        AT, "g_free(s->shadow)", new Operation.Free<>("s->shadow", false, false))))
            .hotPluggable(false)
            .run();
    // Freed at run time: owner-less (MR003) and a RAM region that goes away while the device lives
    // (MR010).
    assertThat(r.outcomes())
        .hasSize(2)
        .hasAtLeastOneElementOfType(Outcome.OwnerlessDestroyed.class)
        .hasAtLeastOneElementOfType(Outcome.DynamicRegion.class);
    assertThat(r.trace())
        .extracting(TraceEntry::message)
        .containsSubsequence(
            "== realize of dev0 ==", "== run time of dev0 ==", "replay: g_free(s->shadow)");
  }
}
