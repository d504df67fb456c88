package dev.mrcheck.rules;

import static dev.mrcheck.rules.DeviceSource.INIT_IO;
import static dev.mrcheck.rules.DeviceSource.keys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.model.Semantics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MR001 owner-cycle on minimal devices (docs/rules/MR001.md). */
class OwnerCycleRuleTest {
  private static final String REF = "memory_region_ref(&s->mmio);";

  @Test
  void refOfOwnRegionNeverDroppedIsMR001() {
    DeviceSource d = DeviceSource.pci().realize(INIT_IO, REF);
    List<Finding> found = d.findings();
    assertThat(keys(found)).containsExactly(d.at("MR001", REF));
    assertThat(found.get(0).message()).contains("memory_region_ref(s->mmio)", "owner cycle");
  }

  @Test
  void refOfOwnRegionDroppedAtUnrealizeIsClean() {
    DeviceSource d =
        DeviceSource.pci().realize(INIT_IO, REF).unrealize("memory_region_unref(&s->mmio);");
    assertThat(d.findings()).isEmpty();
  }

  @Test
  void sameOwnerSubregionLeftInItsContainerIsMR001OnlyUnderLegacy() {
    String add = "memory_region_add_subregion(&s->container, 0, &s->mmio);";
    DeviceSource d =
        DeviceSource.pci()
            .init("memory_region_init(&s->container, OBJECT(s), \"dev-c\", 0x1000);", INIT_IO)
            .realize(add);
    assertThat(keys(d.findings(Semantics.LEGACY))).containsExactly(d.at("MR001", add));
    assertThat(d.findings(Semantics.CURRENT)).isEmpty();
    assertThat(d.findings(Semantics.REFCOUNT)).isEmpty();
  }
}
