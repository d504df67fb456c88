package dev.mrcheck.rules;

import static dev.mrcheck.rules.DeviceSource.INIT_IO;
import static dev.mrcheck.rules.DeviceSource.MAP_IN_SYSTEM_MEMORY;
import static dev.mrcheck.rules.DeviceSource.UNMAP_FROM_SYSTEM_MEMORY;
import static dev.mrcheck.rules.DeviceSource.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MR005 foreign-container-leak on minimal devices (docs/rules/MR005.md). */
class ForeignContainerLeakRuleTest {
  @Test
  void hotPluggableDeviceLeavingItsRegionInSystemMemoryIsMR005() {
    DeviceSource d = DeviceSource.pci().realize(INIT_IO, MAP_IN_SYSTEM_MEMORY);
    List<Finding> found = d.findings();
    assertThat(keys(found)).containsExactly(d.at("MR005", MAP_IN_SYSTEM_MEMORY));
    assertThat(found.get(0).message())
        .contains("s->mmio is mapped into system_memory", "no unrealize path unmaps it");
  }

  @Test
  void unmappedAtExitIsClean() {
    DeviceSource d =
        DeviceSource.pci()
            .realize(INIT_IO, MAP_IN_SYSTEM_MEMORY)
            .unrealize(UNMAP_FROM_SYSTEM_MEMORY);
    assertThat(d.findings()).isEmpty();
  }

  @Test
  void sysbusDeviceNeverUnrealizedMayKeepItsMapping() {
    DeviceSource d = DeviceSource.sysbus().realize(INIT_IO, MAP_IN_SYSTEM_MEMORY);
    assertThat(d.findings()).isEmpty();
  }

  @Test
  void unmappedOnOnlyOneExitPathIsMR005() {
    DeviceSource d =
        DeviceSource.pci()
            .realize(INIT_IO, MAP_IN_SYSTEM_MEMORY)
            .unrealize("if (s->fail) {", "    return;", "}", UNMAP_FROM_SYSTEM_MEMORY);
    assertThat(keys(d.findings())).containsExactly(d.at("MR005", MAP_IN_SYSTEM_MEMORY));
  }
}
