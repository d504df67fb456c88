package dev.mrcheck.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.model.Operation;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import org.junit.jupiter.api.Test;

/**
 * The transfer of each operation ({@link EffectTransfer}): a few statements in, the facts they
 * leave out.
 */
class EffectTransferTest {
  private static final String INIT_C = "memory_region_init(&s->c, OBJECT(s), \"c\", 0x1000);\n";
  private static final String INIT_MMIO =
      "memory_region_init_io(&s->mmio, OBJECT(s), &ops, s, \"m\", 0x100);\n";

  private static FlowHarness.Run realize(String body) {
    return FlowHarness.run(Semantics.CURRENT, Role.REALIZE, body);
  }

  @Test
  void initMakesTheRegionAChildOfItsOwner() {
    FlowHarness.Run run = realize(INIT_MMIO + "memory_region_init(&s->c, NULL, \"c\", 0x1000);");
    Fact.Owned mmio = run.facts(Fact.Owned.class, "self.mmio").get(0);
    assertThat(mmio.owner()).isEqualTo(Fact.Owner.SELF);
    assertThat(mmio.kind()).isEqualTo(RegionKind.IO);
    assertThat(mmio.phase()).isEqualTo(Role.REALIZE);
    assertThat(run.facts(Fact.Owned.class, "self.c"))
        .singleElement()
        .satisfies(o -> assertThat(o.owner()).isEqualTo(Fact.Owner.NONE));
    assertThat(run.observed())
        .extracting(Observation::effect)
        .allMatch(e -> e instanceof Operation.Init);
  }

  @Test
  void anAliasRemembersItsTarget() {
    FlowHarness.Run run =
        realize(
            INIT_MMIO
                + "memory_region_init_alias(&s->alias, OBJECT(s), \"a\", &s->mmio, 0, 0x10);");
    assertThat(run.facts(Fact.Owned.class, "self.alias"))
        .singleElement()
        .satisfies(o -> assertThat(o.aliasOf()).isEqualTo("self.mmio"));
  }

  @Test
  void mapAddsAMappingIntoTheContainer() {
    FlowHarness.Run run =
        realize(INIT_C + INIT_MMIO + "memory_region_add_subregion(&s->c, 0, &s->mmio);");
    assertThat(run.facts(Fact.Mapped.class, "self.mmio"))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.container()).isEqualTo("self.c");
              assertThat(m.regionOwner()).isEqualTo(Fact.Owner.SELF);
            });
  }

  @Test
  void mapOfARegionInAnotherKnownContainerMapsNothing() {
    FlowHarness.Run run =
        realize(
            INIT_C
                + INIT_MMIO
                + "memory_region_add_subregion(get_system_memory(), 0, &s->mmio);\n"
                + "memory_region_add_subregion(&s->c, 0, &s->mmio);");
    assertThat(run.facts(Fact.Mapped.class, "self.mmio"))
        .extracting(Fact.Mapped::container)
        .containsExactly("global:system_memory");
  }

  @Test
  void unmapDeletesTheMapping() {
    FlowHarness.Run run =
        realize(
            INIT_C
                + INIT_MMIO
                + "memory_region_add_subregion(&s->c, 0, &s->mmio);\n"
                + "memory_region_del_subregion(&s->c, &s->mmio);");
    assertThat(run.facts(Fact.Mapped.class)).isEmpty();
  }

  @Test
  void refAndUnrefTakeAndGiveBackAReferenceOnTheOwner() {
    FlowHarness.Run taken = realize(INIT_MMIO + "memory_region_ref(&s->mmio);");
    assertThat(taken.facts(Fact.Referenced.class, "self.mmio"))
        .singleElement()
        .satisfies(r -> assertThat(r.owner()).isEqualTo(Fact.Owner.SELF));
    FlowHarness.Run given =
        realize(INIT_MMIO + "memory_region_ref(&s->mmio);\nmemory_region_unref(&s->mmio);");
    assertThat(given.facts(Fact.Referenced.class)).isEmpty();
  }

  @Test
  void unparentOfAnUnheldContainerFinalizesIt() {
    FlowHarness.Run run =
        realize(
            INIT_C
                + INIT_MMIO
                + "memory_region_add_subregion(&s->c, 0, &s->mmio);\n"
                + "object_unparent(OBJECT(&s->c));");
    assertThat(run.facts(Fact.Owned.class, "self.c")).isEmpty();
    assertThat(run.facts(Fact.Unparented.class, "self.c"))
        .singleElement()
        .satisfies(u -> assertThat(u.finalized()).isTrue());
    assertThat(run.facts(Fact.Mapped.class)).as("finalization deletes the subregions").isEmpty();
  }

  @Test
  void underRefcountAContainerAnAddressSpaceHoldsOutlivesItsUnparent() {
    FlowHarness.Run run =
        FlowHarness.run(
            Semantics.REFCOUNT,
            Role.REALIZE,
            INIT_C + "address_space_init(&s->as, &s->c, \"as\");\nobject_unparent(OBJECT(&s->c));");
    assertThat(run.facts(Fact.Unparented.class, "self.c"))
        .singleElement()
        .satisfies(u -> assertThat(u.finalized()).isFalse());
    Finalization.gracePeriodPassed(run.exit(), Role.REALIZE, Semantics.REFCOUNT);
    assertThat(run.facts(Fact.Unparented.class, "self.c"))
        .as("still held by the live address space")
        .singleElement()
        .satisfies(u -> assertThat(u.finalized()).isFalse());
  }

  @Test
  void freeForgetsTheRegionsInTheStorage() {
    FlowHarness.Run run =
        realize(
            "s->heap = g_new0(MemoryRegion, 1);\n"
                + "memory_region_init_io(s->heap, OBJECT(s), &ops, s, \"h\", 0x100);\ng_free(s->heap);");
    assertThat(run.facts(Fact.Owned.class)).isEmpty();
    assertThat(run.observed())
        .extracting(Observation::effect)
        .hasAtLeastOneElementOfType(Operation.Free.class);
  }

  @Test
  void addressSpaceInitAndDestroy() {
    FlowHarness.Run live = realize(INIT_C + "address_space_init(&s->as, &s->c, \"as\");");
    assertThat(live.facts(Fact.AddressSpaceLive.class, "self.c"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.addressSpace()).isEqualTo("self.as");
              assertThat(a.ownHeld()).containsExactly("self.c");
            });
    FlowHarness.Run destroyed =
        realize(
            INIT_C
                + "address_space_init(&s->as, &s->c, \"as\");\n"
                + "address_space_destroy(&s->as);");
    assertThat(destroyed.facts(Fact.AddressSpaceLive.class)).isEmpty();
    assertThat(destroyed.facts(Fact.DestroyPending.class, "self.as"))
        .singleElement()
        .satisfies(d -> assertThat(d.root()).isEqualTo("self.c"));
    Finalization.gracePeriodPassed(destroyed.exit(), Role.REALIZE, Semantics.CURRENT);
    assertThat(destroyed.facts(Fact.DestroyPending.class)).isEmpty();
  }

  @Test
  void addressSpaceMapHoldsTheBufferUntilItsUnmap() {
    FlowHarness.Run held = realize("void *buf = address_space_map(&s->as, 0, &len, true, attrs);");
    assertThat(held.facts(Fact.Held.class))
        .singleElement()
        .satisfies(h -> assertThat(h.by()).isEqualTo(Fact.HeldBy.MAP));
    FlowHarness.Run released =
        realize(
            "void *buf = address_space_map(&s->as, 0, &len, true, attrs);\n"
                + "address_space_unmap(&s->as, buf, len, true, len);");
    assertThat(released.facts(Fact.Held.class)).isEmpty();
  }

  @Test
  void findHoldsTheSectionsRegion() {
    FlowHarness.Run run =
        realize("MemoryRegionSection sec;\nsec = memory_region_find(get_system_memory(), 0, 4);");
    assertThat(run.facts(Fact.Held.class))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.by()).isEqualTo(Fact.HeldBy.FIND);
              assertThat(h.shown()).isEqualTo("sec.mr");
            });
  }

  @Test
  void reportsErrorThroughTheCallersErrp() {
    FlowHarness.Run run = realize("error_setg(errp, \"no\");");
    assertThat(run.facts(Fact.ErrorReported.class)).hasSize(1);
  }

  @Test
  void anEffectOnARegionTheAnalysisCannotNameDoesNothing() {
    FlowHarness.Run run = realize("memory_region_ref(s->x ? &s->c : &s->mmio);");
    assertThat(run.facts(Fact.Referenced.class)).isEmpty();
    assertThat(run.observed()).isEmpty();
  }
}
