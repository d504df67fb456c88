package dev.mrcheck.rules;

import static dev.mrcheck.rules.DeviceSource.INIT_IO;
import static dev.mrcheck.rules.DeviceSource.UNPARENT;
import static dev.mrcheck.rules.DeviceSource.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MR010 dynamic-region on minimal devices (docs/rules/MR010.md): run-time code is the MMIO write
 * handler.
 */
class DynamicRegionRuleTest {
  @Test
  void ioRegionDestroyedAndRecreatedAtRunTimeIsMR010Twice() {
    String again =
        "memory_region_init_io(&s->mmio, OBJECT(s), &dev_ops, s, \"dev-mmio-again\", 0x100);";
    DeviceSource d = DeviceSource.sysbus().realize(INIT_IO).runtime(UNPARENT, again);
    List<Finding> found = d.findings();
    assertThat(keys(found)).containsExactly(d.at("MR010", UNPARENT), d.at("MR010", again));
    assertThat(found).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.NOTE));
    assertThat(found.get(0).message()).contains("io region s->mmio is destroyed at run time");
    assertThat(found.get(1).message()).contains("io region s->mmio is created at run time");
  }

  @Test
  void aliasRebuiltAtRunTimeIsClean() {
    DeviceSource d =
        DeviceSource.sysbus()
            .realize(
                INIT_IO,
                "memory_region_init_alias(&s->alias, OBJECT(s), \"dev-alias\", &s->mmio, 0, 0x10);",
                "memory_region_add_subregion(get_system_memory(), 0x2000, &s->alias);")
            .runtime(
                "memory_region_del_subregion(get_system_memory(), &s->alias);",
                "object_unparent(OBJECT(&s->alias));",
                "memory_region_init_alias(&s->alias, OBJECT(s), \"dev-alias\", &s->mmio, 0, 0x20);",
                "memory_region_add_subregion(get_system_memory(), 0x2000, &s->alias); /* again */");
    assertThat(d.findings()).isEmpty();
  }

  @Test
  void regionMadeOnlyWhereItIsStillBlankIsMadeOnceAndIsClean() {
    String lazy = "if (!s->rom.name) " + INIT_IO.replace("s->mmio", "s->rom");
    String eager = "if (val & 1) " + INIT_IO.replace("s->mmio", "s->rom");
    assertThat(DeviceSource.sysbus().realize(INIT_IO).runtime(lazy).findings()).isEmpty();
    DeviceSource d = DeviceSource.sysbus().realize(INIT_IO).runtime(eager);
    assertThat(keys(d.findings())).containsExactly(d.at("MR010", eager));
  }
}
