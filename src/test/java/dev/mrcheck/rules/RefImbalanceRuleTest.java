package dev.mrcheck.rules;

import static dev.mrcheck.rules.DeviceSource.keys;
import static org.assertj.core.api.Assertions.assertThat;

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
}
