package dev.mrcheck.rules;

import static dev.mrcheck.rules.DeviceSource.INIT_IO;
import static dev.mrcheck.rules.DeviceSource.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MR009 owner-misuse on minimal devices (docs/rules/MR009.md). */
class OwnerMisuseRuleTest {
  @Test
  void regionOwningItselfIsMR009() {
    String init =
        "memory_region_init_io(&s->mmio, OBJECT(&s->mmio), &dev_ops, s, \"dev-mmio\", 0x100);";
    DeviceSource d = DeviceSource.sysbus().realize(init);
    List<Finding> found = d.findings();
    assertThat(keys(found)).containsExactly(d.at("MR009", init));
    assertThat(found.get(0).message()).contains("initialized with itself as owner");
  }

  @Test
  void regionOwnedByItsDeviceIsClean() {
    assertThat(DeviceSource.sysbus().realize(INIT_IO).findings()).isEmpty();
  }
}
