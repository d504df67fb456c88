package dev.mrcheck.rules;

import static dev.mrcheck.rules.DeviceSource.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MR003 ownerless-free on minimal devices (docs/rules/MR003.md). */
class OwnerlessFreeRuleTest {
  private static final String NEW_RAM = "s->ram = g_new0(MemoryRegion, 1);";

  @Test
  void unparentOfNullOwnedRamIsMR003() {
    String unparent = "object_unparent(OBJECT(s->ram));";
    DeviceSource d =
        DeviceSource.pci()
            .realize(
                NEW_RAM, "memory_region_init_ram(s->ram, NULL, \"dev-ram\", 0x1000, &error_fatal);")
            .unrealize(unparent);
    List<Finding> found = d.findings();
    assertThat(keys(found)).containsExactly(d.at("MR003", unparent));
    assertThat(found.get(0).message())
        .contains("owner NULL at dev.c:" + d.lineOf("memory_region_init_ram"));
  }

  @Test
  void unparentOfDeviceOwnedRamIsClean() {
    DeviceSource d =
        DeviceSource.pci()
            .realize(
                NEW_RAM,
                "memory_region_init_ram(s->ram, OBJECT(s), \"dev-ram\", 0x1000, &error_fatal);")
            .unrealize("object_unparent(OBJECT(s->ram));");
    assertThat(d.findings()).isEmpty();
  }

  @Test
  void unparentOfNullOwnedContainerIsClean() {
    DeviceSource d =
        DeviceSource.pci()
            .realize("memory_region_init(&s->container, NULL, \"dev-c\", 0x1000);")
            .unrealize("object_unparent(OBJECT(&s->container));");
    assertThat(d.findings()).isEmpty();
  }
}
