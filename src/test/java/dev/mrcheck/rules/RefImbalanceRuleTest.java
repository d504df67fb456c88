package dev.mrcheck.rules;

import static dev.mrcheck.rules.DeviceSource.keys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.model.Semantics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MR006 ref-imbalance on minimal devices (docs/rules/MR006.md). */
class RefImbalanceRuleTest {
  private static final String FIND = "sec = memory_region_find(get_system_memory(), 0x100000, 4);";
  private static final String UNREF = "memory_region_unref(sec.mr);";

  @Test
  void findResultNeverUnrefdIsMR006() {
    DeviceSource d = DeviceSource.pci().realize(FIND);
    List<Finding> found = d.findings();
    assertThat(keys(found)).containsExactly(d.at("MR006", FIND));
    assertThat(found.get(0).message())
        .contains("memory_region_find() returns in sec.mr is not given back");
  }

  @Test
  void findResultUnrefdIsClean() {
    DeviceSource d = DeviceSource.pci().realize(FIND, UNREF);
    assertThat(d.findings()).isEmpty();
  }

  @Test
  void findResultKeptOnAnErrorPathIsMR006() {
    DeviceSource d = DeviceSource.pci().realize(FIND, "if (s->fail) {", "    return;", "}", UNREF);
    assertThat(keys(d.findings())).containsExactly(d.at("MR006", FIND));
  }

  @Test
  void findResultUnrefdOnTheErrorPathTooIsClean() {
    DeviceSource d =
        DeviceSource.pci()
            .realize(
                FIND,
                "if (s->fail) {",
                "    " + UNREF,
                "    return;",
                "}",
                "memory_region_unref(sec.mr); /* normal path */");
    assertThat(d.findings()).isEmpty();
  }

  @Test
  void refTakenUnderAFlagAndDroppedUnderItInExitIsClean() {
    DeviceSource d =
        DeviceSource.pci()
            .realize(
                "if (s->backend && !s->fail) {",
                "    memory_region_ref(s->backend);",
                "    s->pinned = true;",
                "}")
            .unrealize(
                "if (s->pinned) {",
                "    memory_region_unref(s->backend);",
                "    s->pinned = false;",
                "}");
    assertThat(d.findings()).isEmpty();
  }

  @Test
  void refDroppedUnderAnotherFlagIsMR006() {
    DeviceSource d =
        DeviceSource.pci()
            .realize(
                "if (s->backend) {",
                "    memory_region_ref(s->backend);",
                "    s->pinned = true;",
                "}")
            .unrealize("if (s->fail) {", "    memory_region_unref(s->backend);", "}");
    assertThat(keys(d.findings()))
        .containsExactly(d.at("MR006", "    memory_region_ref(s->backend);"));
  }

  @Test
  void aSecondUnrefOfTheOnlyReferenceIsAnOverRelease() {
    DeviceSource d =
        DeviceSource.pci()
            .realize("memory_region_ref(s->backend);")
            .unrealize(
                "memory_region_unref(s->backend);", "memory_region_unref(s->backend); /* again */");
    List<Finding> found = d.findings();
    assertThat(keys(found)).containsExactly(d.at("MR006", "/* again */"));
    assertThat(found.get(0).message()).contains("over-release");
  }

  @Test
  void anUnrefWithNoReferenceInViewIsNoOverRelease() {
    DeviceSource d = DeviceSource.pci().unrealize("memory_region_unref(s->backend);");
    assertThat(d.findings()).isEmpty();
  }

  @Test
  void anUnrefThroughAPointerOverwrittenSinceIsNoOverRelease() {
    DeviceSource d =
        DeviceSource.pci()
            .runtime(
                "MemoryRegion *mr = memory_region_find(get_system_memory(), addr, 4).mr;",
                "if (!mr) {",
                "    return;",
                "}",
                "memory_region_unref(mr);",
                "mr = memory_region_find(get_system_memory(), addr + 4, 4).mr;",
                "if (mr) {",
                "    memory_region_unref(mr);",
                "}");
    assertThat(d.findings()).isEmpty();
  }

  @Test
  void aSecondUnrefOfARegionOwningItselfIsAnOverRelease() {
    DeviceSource d =
        DeviceSource.pci()
            .init(
                "s->ram = g_new0(MemoryRegion, 1);",
                "memory_region_init_ram(s->ram, OBJECT(s->ram), \"ram\", 0x1000, &error_fatal);",
                "memory_region_ref(s->ram);")
            .unrealize("memory_region_unref(s->ram); /* unplug */")
            .finalize("memory_region_unref(s->ram); /* again */");
    assertThat(keys(d.findings()))
        .contains(d.at("MR006", "/* again */"))
        .doesNotContain(d.at("MR006", "/* unplug */"));
  }

  @Test
  void unrefsOfTheDevicesOwnOrAnOwnerlessRegionAreNoOverRelease() {
    DeviceSource d =
        DeviceSource.sysbus()
            .realize(
                "memory_region_init_io(&s->mmio, OBJECT(s), NULL, s, \"mmio\", 0x100);",
                "memory_region_init_io(&s->alias, NULL, NULL, s, \"free\", 0x100);",
                "memory_region_ref(&s->mmio);",
                "memory_region_unref(&s->mmio);",
                "memory_region_unref(&s->mmio);",
                "memory_region_ref(&s->alias);",
                "memory_region_unref(&s->alias);",
                "memory_region_unref(&s->alias);");
    assertThat(d.findings()).noneMatch(f -> f.ruleId().equals("MR006"));
  }

  @Test
  void anUnrefAfterTheRegionCountingItsReferencesIsFinalizedIsNoOverRelease() {
    DeviceSource d =
        DeviceSource.sysbus()
            .realize(
                "memory_region_init_io(&s->mmio, OBJECT(s->peer), NULL, s, \"mmio\", 0x100);",
                "memory_region_ref(&s->mmio);",
                "memory_region_unref(&s->mmio);",
                "object_unparent(OBJECT(&s->mmio));",
                "memory_region_unref(&s->mmio); /* again */");
    // Under refcount the region counted its own references and the unparent finalized it; under
    // current the peer, alive, counts them.
    assertThat(keys(d.findings(Semantics.REFCOUNT))).doesNotContain(d.at("MR006", "/* again */"));
    assertThat(keys(d.findings(Semantics.CURRENT))).contains(d.at("MR006", "/* again */"));
  }

  @Test
  void aPointerRealizeSetsIsNullInTheThrowAwayInstancesFinalize() {
    DeviceSource d =
        DeviceSource.sysbus()
            .realize(
                "s->ram = g_new0(MemoryRegion, 1);",
                "memory_region_init_io(s->ram, OBJECT(s), NULL, s, \"ram\", 0x100);")
            .finalize(
                "memory_region_ref(s->ram);",
                "memory_region_unref(s->ram);",
                "memory_region_unref(s->ram); /* again */");
    assertThat(d.findings()).noneMatch(f -> f.ruleId().equals("MR006"));
  }
}
