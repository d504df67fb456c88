package dev.mrcheck.confirm;

import static dev.mrcheck.analysis.Fact.Owner.NONE;
import static dev.mrcheck.analysis.Fact.Owner.SELF;
import static dev.mrcheck.confirm.Witnesses.asInit;
import static dev.mrcheck.confirm.Witnesses.free;
import static dev.mrcheck.confirm.Witnesses.map;
import static dev.mrcheck.confirm.Witnesses.ref;
import static dev.mrcheck.confirm.Witnesses.unmap;
import static dev.mrcheck.confirm.Witnesses.unparent;
import static dev.mrcheck.model.Role.INSTANCE_INIT;
import static dev.mrcheck.model.Role.REALIZE;
import static dev.mrcheck.model.Role.UNREALIZE;
import static dev.mrcheck.rules.Witness.Expectation.FINALIZED_WHILE_MAPPED;
import static dev.mrcheck.rules.Witness.Expectation.OWNERLESS_DESTROYED;
import static dev.mrcheck.rules.Witness.Expectation.OWNER_LEAK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Severity;
import dev.mrcheck.runtime.TraceEntry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConfirmerTest {
  private final Confirmer confirmer = new Confirmer();

  /** MR001 under legacy: a same-owner subregion left in its container at unrealize. */
  private static Finding sameOwnerSubregion() {
    return new Witnesses()
        .init(REALIZE, "self.bar", SELF, RegionKind.CONTAINER)
        .init(REALIZE, "self.regs", SELF, RegionKind.IO)
        .step(REALIZE, map("self.regs", "self.bar"))
        .finding("MR001", true, OWNER_LEAK);
  }

  @Test
  void legacyOnlySameOwnerSubregionIsConfirmedUnderLegacyOnly() {
    Confirmation legacy = confirmer.confirm(sameOwnerSubregion(), Semantics.LEGACY);
    assertThat(legacy.confirmed()).as(legacy.verdict()).isTrue();
    assertThat(legacy.verdict()).contains("TYPE_DEV is never finalized");
    assertThat(legacy.witnessTrace())
        .extracting(TraceEntry::message)
        .contains("realize adds s->regs to s->bar");

    Confirmation current = confirmer.confirm(sameOwnerSubregion(), Semantics.CURRENT);
    assertThat(current.confirmed()).isFalse();
    assertThat(current.refuted()).isTrue();
    assertThat(current.verdict())
        .startsWith("not reproduced by the current model")
        .contains("TYPE_DEV is finalized");
  }

  private static Finding unparentWhileMapped(boolean delFirst) {
    Witnesses w =
        new Witnesses()
            .init(REALIZE, "self.legacy_io", SELF, RegionKind.IO)
            .step(REALIZE, map("self.legacy_io", "global:pci_io"));
    if (delFirst) w.step(UNREALIZE, unmap("self.legacy_io", "global:pci_io"));
    return w.step(UNREALIZE, unparent("self.legacy_io"))
        .finding("MR002", true, FINALIZED_WHILE_MAPPED);
  }

  @ParameterizedTest
  @EnumSource(
      value = Semantics.class,
      names = {"LEGACY", "CURRENT"})
  void unparentWhileMappedIsConfirmed(Semantics semantics) {
    Confirmation c = confirmer.confirm(unparentWhileMapped(false), semantics);
    assertThat(c.confirmed()).as(c.verdict()).isTrue();
    assertThat(c.semantics()).isEqualTo(semantics.label());
    assertThat(c.verdict()).contains("region finalized while mapped in pci_io");
    List<String> messages = c.witnessTrace().stream().map(TraceEntry::message).toList();
    assertThat(messages)
        .containsSubsequence(
            "realize adds s->legacy_io to pci_io", "unrealize unparents s->legacy_io");
    assertThat(messages).anyMatch(m -> m.startsWith("TYPE_DEV refcount 2 -> 3"));
    // Located steps keep the witness' source order: init -> realize -> unrealize.
    List<Integer> lines =
        c.witnessTrace().stream()
            .map(TraceEntry::loc)
            .filter(l -> l != null)
            .map(SourceLoc::line)
            .toList();
    assertThat(lines).isSortedAccordingTo(Integer::compare);
  }

  @Test
  void underRefcountTheUnparentedMappedRegionLeaksTheDevice() {
    Confirmation c = confirmer.confirm(unparentWhileMapped(false), Semantics.REFCOUNT);
    assertThat(c.confirmed()).as(c.verdict()).isTrue();
    assertThat(c.verdict()).contains("TYPE_DEV is never finalized");
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void deleteBeforeUnparentIsNotConfirmed(Semantics semantics) {
    Confirmation c = confirmer.confirm(unparentWhileMapped(true), semantics);
    assertThat(c.confirmed()).isFalse();
    assertThat(c.outcomes()).isEmpty();
    assertThat(c.verdict()).contains("no region of [s->legacy_io] is finalized while mapped");
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void ownRootAddressSpaceLeaksTheOwner(Semantics semantics) {
    Finding f =
        new Witnesses()
            .init(REALIZE, "self.dma_root", SELF, RegionKind.CONTAINER)
            .step(REALIZE, asInit("self.dma_as", "self.dma_root"))
            .finding("MR001", true, OWNER_LEAK);
    assertThat(confirmer.confirm(f, semantics).confirmed()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void refInInstanceInitIsReplayedAsAThrowAwayInstance(Semantics semantics) {
    Finding f =
        new Witnesses()
            .init(INSTANCE_INIT, "self.iomem", SELF, RegionKind.IO)
            .step(INSTANCE_INIT, ref("self.iomem"))
            .finding("MR001", false, OWNER_LEAK);
    Confirmation c = confirmer.confirm(f, semantics);
    assertThat(c.scenario()).isEqualTo("introspection");
    assertThat(c.confirmed()).as(c.verdict()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Semantics.class)
  void ownerlessRamUnparentedAtUnrealizeIsConfirmed(Semantics semantics) {
    Finding f =
        new Witnesses()
            .init(REALIZE, "self.shadow", NONE, RegionKind.RAM)
            .step(UNREALIZE, unparent("self.shadow"))
            .finding("MR003", true, OWNERLESS_DESTROYED);
    Confirmation c = confirmer.confirm(f, semantics);
    assertThat(c.confirmed()).as(c.verdict()).isTrue();
    assertThat(c.verdict()).contains("s->shadow (owner NULL, ram) destroyed");
  }

  @Test
  void gFreeOfAHeapStructFreesTheOwnerlessRegionInside() {
    Finding f =
        new Witnesses()
            .init(null, "new@board.c:48:28#1.iomem", NONE, RegionKind.IO)
            .step(null, free("new@board.c:48:28#1"))
            .finding("MR003", false, OWNERLESS_DESTROYED);
    Confirmation c = confirmer.confirm(f, Semantics.CURRENT);
    assertThat(c.confirmed()).as(c.verdict()).isTrue();
    assertThat(c.scenario()).isEqualTo("lifetime");
    assertThat(c.witnessTrace())
        .extracting(TraceEntry::message)
        .anyMatch(m -> m.startsWith("run-time code frees"));
  }

  @Test
  void ownerlessContainerMayBeDestroyed() {
    Finding f =
        new Witnesses()
            .init(REALIZE, "self.win", NONE, RegionKind.CONTAINER)
            .step(UNREALIZE, unparent("self.win"))
            .finding("MR003", true, OWNERLESS_DESTROYED);
    assertThat(confirmer.confirm(f, Semantics.CURRENT).refuted()).isTrue();
  }

  @Test
  void teardownCodeOfADeviceThatIsNeverUnpluggedIsReplayedWithAnAssumption() {
    Finding f =
        new Witnesses()
            .init(REALIZE, "self.sram", NONE, RegionKind.RAM)
            .step(dev.mrcheck.model.Role.INSTANCE_FINALIZE, free("self.sram"))
            .finding("MR003", false, OWNERLESS_DESTROYED);
    Confirmation c = confirmer.confirm(f, Semantics.CURRENT);
    assertThat(c.confirmed()).isTrue();
    assertThat(c.witnessTrace().get(0).message())
        .startsWith("assumption: TYPE_DEV is not hot-pluggable");
  }

  @Test
  void aFindingWithoutWitnessIsNeitherConfirmedNorRefuted() {
    Finding f =
        new Finding("MR009", Severity.WARNING, SourceLoc.of("a.c", 1, 1), "m", List.of(), "fp");
    Confirmation c = confirmer.confirm(f, Semantics.CURRENT);
    assertThat(c.confirmed()).isFalse();
    assertThat(c.replayed()).isFalse();
    assertThat(c.refuted()).isFalse();
  }
}
