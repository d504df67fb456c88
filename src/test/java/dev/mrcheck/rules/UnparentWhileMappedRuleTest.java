package dev.mrcheck.rules;

import static dev.mrcheck.rules.DeviceSource.INIT_IO;
import static dev.mrcheck.rules.DeviceSource.MAP_IN_SYSTEM_MEMORY;
import static dev.mrcheck.rules.DeviceSource.UNMAP_FROM_SYSTEM_MEMORY;
import static dev.mrcheck.rules.DeviceSource.UNPARENT;
import static dev.mrcheck.rules.DeviceSource.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MR002 unparent-while-mapped on minimal devices (docs/rules/MR002.md). Sysbus devices, never
 * unrealized, so that MR005 (a mapping left at unplug) stays out of the picture.
 */
class UnparentWhileMappedRuleTest {
  @Test
  void unparentWithoutDelIsMR002() {
    DeviceSource d =
        DeviceSource.sysbus().realize(INIT_IO, MAP_IN_SYSTEM_MEMORY).unrealize(UNPARENT);
    List<Finding> found = d.findings();
    assertThat(keys(found)).containsExactly(d.at("MR002", UNPARENT));
    assertThat(found.get(0).message())
        .contains(
            "object_unparent(s->mmio) while it may still be mapped in system_memory",
            "at dev.c:" + d.lineOf(MAP_IN_SYSTEM_MEMORY));
  }

  @Test
  void unparentAfterDelIsClean() {
    DeviceSource d =
        DeviceSource.sysbus()
            .realize(INIT_IO, MAP_IN_SYSTEM_MEMORY)
            .unrealize(UNMAP_FROM_SYSTEM_MEMORY, UNPARENT);
    assertThat(d.findings()).isEmpty();
  }

  @Test
  void unparentWithoutDelOnErrorPathIsMR002() {
    String onError = "object_unparent(OBJECT(&s->mmio)); /* error path */";
    DeviceSource d =
        DeviceSource.sysbus()
            .realize(
                INIT_IO,
                MAP_IN_SYSTEM_MEMORY,
                "if (s->fail) {",
                "    " + onError,
                "    return;",
                "}");
    assertThat(keys(d.findings())).containsExactly(d.at("MR002", onError));
  }

  @Test
  void delThenUnparentOnErrorPathIsClean() {
    DeviceSource d =
        DeviceSource.sysbus()
            .realize(
                INIT_IO,
                MAP_IN_SYSTEM_MEMORY,
                "if (s->fail) {",
                "    " + UNMAP_FROM_SYSTEM_MEMORY,
                "    " + UNPARENT,
                "    return;",
                "}");
    assertThat(d.findings()).isEmpty();
  }
}
