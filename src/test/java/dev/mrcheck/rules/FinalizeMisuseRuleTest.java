package dev.mrcheck.rules;

import static dev.mrcheck.rules.DeviceSource.INIT_IO;
import static dev.mrcheck.rules.DeviceSource.UNPARENT;
import static dev.mrcheck.rules.DeviceSource.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MR004 unparent-in-finalize on minimal devices (docs/rules/MR004.md). */
class FinalizeMisuseRuleTest {
  @Test
  void delSubregionOfOwnRegionInFinalizeIsAnMR004Error() {
    String del = "memory_region_del_subregion(&s->container, &s->mmio);";
    DeviceSource d =
        DeviceSource.pci()
            .init(
                "memory_region_init(&s->container, OBJECT(s), \"dev-c\", 0x1000);",
                INIT_IO,
                "memory_region_add_subregion(&s->container, 0, &s->mmio);")
            .finalize(del);
    List<Finding> found = d.findings();
    assertThat(keys(found)).containsExactly(d.at("MR004", del));
    assertThat(found.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(found.get(0).message())
        .contains("in instance_finalize uses a region that was finalized");
  }

  @Test
  void unparentOfOwnRegionInFinalizeIsAnMR004Warning() {
    DeviceSource d = DeviceSource.pci().init(INIT_IO).finalize(UNPARENT);
    List<Finding> found = d.findings();
    assertThat(keys(found)).containsExactly(d.at("MR004", UNPARENT));
    assertThat(found.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(found.get(0).message()).contains("is a no-op");
  }

  @Test
  void gFreeOfHeapRegionInFinalizeIsClean() {
    DeviceSource d =
        DeviceSource.pci()
            .realize(
                "s->ram = g_new0(MemoryRegion, 1);",
                "memory_region_init_ram(s->ram, OBJECT(s), \"dev-ram\", 0x1000, &error_fatal);")
            .finalize("g_free(s->ram);");
    assertThat(d.findings()).isEmpty();
  }

  @Test
  void unparentingALinkedRegionInUnrealizeIsMR004() {
    DeviceSource d =
        DeviceSource.pci()
            .realize("memory_region_add_subregion(&s->container, 0, s->backend);")
            .unrealize(
                "memory_region_del_subregion(&s->container, s->backend);",
                "object_unparent(OBJECT(s->backend));");
    List<Finding> found = d.findings();
    assertThat(keys(found)).containsExactly(d.at("MR004", "object_unparent(OBJECT(s->backend))"));
    assertThat(found.get(0).message()).contains("does not own");
  }

  @Test
  void unparentingARegionItAllocatedItselfIsNoForeignDestroy() {
    DeviceSource d =
        DeviceSource.pci()
            .realize(
                "s->ram = g_new0(MemoryRegion, 1);",
                "memory_region_init_io(s->ram, OBJECT(s), &dev_ops, s, \"dev-ram\", 0x100);")
            .unrealize("object_unparent(OBJECT(s->ram));");
    assertThat(keys(d.findings())).noneMatch(k -> k.startsWith("MR004"));
  }
}
