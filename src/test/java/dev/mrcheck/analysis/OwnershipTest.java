package dev.mrcheck.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import org.junit.jupiter.api.Test;

/** The ownership queries ({@link Ownership}) on states the flow made from small functions. */
class OwnershipTest {
  private static final String INIT_C = "memory_region_init(&s->c, OBJECT(s), \"c\", 0x1000);\n";

  private static RegionState realize(Semantics semantics, String body) {
    return FlowHarness.run(semantics, Role.REALIZE, body).exit();
  }

  @Test
  void ownerOfTellsTheDeviceItsParentPartNullAndOthersApart() {
    assertThat(Ownership.ownerOf(new Place(Place.SELF, "s"))).isEqualTo(Fact.Owner.SELF);
    assertThat(Ownership.ownerOf(new Place("self.parent_obj", "s->parent_obj")))
        .isEqualTo(Fact.Owner.SELF);
    assertThat(Ownership.ownerOf(Place.NULL)).isEqualTo(Fact.Owner.NONE);
    assertThat(Ownership.ownerOf(new Place("self.peer", "s->peer"))).isEqualTo(Fact.Owner.OTHER);
  }

  @Test
  void ownershipIsTheOwnerOnEveryPathOrOther() {
    RegionState s = realize(Semantics.CURRENT, INIT_C);
    assertThat(Ownership.ownership(s, new Place("self.c", "&s->c"))).isEqualTo(Fact.Owner.SELF);
    assertThat(Ownership.ownership(s, new Place("self.mmio", "&s->mmio")))
        .as("never initialized")
        .isEqualTo(Fact.Owner.OTHER);
    RegionState either =
        realize(
            Semantics.CURRENT,
            "if (s->x) { "
                + INIT_C
                + " } else { "
                + "memory_region_init(&s->c, NULL, \"c\", 0x1000); }");
    assertThat(Ownership.ownership(either, new Place("self.c", "&s->c")))
        .isEqualTo(Fact.Owner.OTHER);
    assertThat(Ownership.ownedContainer(either, new Place("self.c", "&s->c"))).isTrue();
    assertThat(Ownership.ownedBySelf(either, "self.c")).isFalse();
  }

  @Test
  void heldByAMappingAnAddressSpaceOrAReference() {
    assertThat(Ownership.held(realize(Semantics.CURRENT, INIT_C), "self.c", Semantics.CURRENT))
        .isFalse();
    assertThat(
            Ownership.held(
                realize(
                    Semantics.CURRENT,
                    INIT_C + "memory_region_add_subregion(get_system_memory(), 0, &s->c);"),
                "self.c",
                Semantics.CURRENT))
        .isTrue();
    assertThat(
            Ownership.held(
                realize(Semantics.CURRENT, INIT_C + "address_space_init(&s->as, &s->c, \"as\");"),
                "self.c",
                Semantics.CURRENT))
        .isTrue();
    assertThat(
            Ownership.held(
                realize(Semantics.CURRENT, INIT_C + "memory_region_ref(&s->c);"),
                "self.c",
                Semantics.CURRENT))
        .isTrue();
  }

  @Test
  void aRefAfterAFinalizingUnparentIsOnNothingUnderRefcount() {
    Place c = new Place("self.c", "&s->c");
    RegionState refcount = realize(Semantics.REFCOUNT, INIT_C + "object_unparent(OBJECT(&s->c));");
    assertThat(Ownership.refOwnership(refcount, c, Semantics.REFCOUNT)).isNull();
    RegionState current = realize(Semantics.CURRENT, INIT_C + "object_unparent(OBJECT(&s->c));");
    assertThat(Ownership.refOwnership(current, c, Semantics.CURRENT))
        .as("on the owner it had")
        .isEqualTo(Fact.Owner.SELF);
  }

  @Test
  void anAddressSpaceOverAnAliasHoldsTheAliasAndItsTarget() {
    RegionState s =
        realize(
            Semantics.REFCOUNT,
            INIT_C + "memory_region_init_alias(&s->alias, OBJECT(s), \"a\", &s->c, 0, 0x10);\n");
    assertThat(Ownership.ownHeld(s, new Place("self.alias", "&s->alias")))
        .containsExactly("self.alias", "self.c");
    assertThat(Ownership.aliasTargets(s, "self.alias")).containsExactly("self.c");
    assertThat(Ownership.held(s, "self.c", Semantics.REFCOUNT))
        .as("an alias references its target")
        .isTrue();
    assertThat(Ownership.held(s, "self.c", Semantics.CURRENT))
        .as("memory_region_init_alias takes no reference under current semantics")
        .isFalse();
  }

  @Test
  void childPropertiesDroppedDeleteTheSubregionsOfTheDevicesContainers() {
    RegionState s =
        realize(
            Semantics.CURRENT,
            INIT_C
                + "memory_region_init_io(&s->mmio, OBJECT(s), &ops, s, \"m\", 0x100);\n"
                + "memory_region_add_subregion(&s->c, 0, &s->mmio);");
    assertThat(s.facts(Fact.Mapped.class)).hasSize(1);
    assertThat(Finalization.childPropertiesDropped(s).facts(Fact.Mapped.class)).isEmpty();
    assertThat(s.facts(Fact.Mapped.class)).as("the entry state is left alone").hasSize(1);
  }
}
