package dev.mrcheck.rules;

import static dev.mrcheck.rules.DeviceSource.INIT_IO;
import static dev.mrcheck.rules.DeviceSource.MAP_IN_SYSTEM_MEMORY;
import static dev.mrcheck.rules.DeviceSource.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MR008 init-side-effect on minimal devices (docs/rules/MR008.md); sysbus, so no unplug rule joins
 * in.
 */
class InitSideEffectRuleTest {
  @Test
  void mappingIntoSystemMemoryInInstanceInitIsMR008() {
    DeviceSource d = DeviceSource.sysbus().init(INIT_IO, MAP_IN_SYSTEM_MEMORY);
    List<Finding> found = d.findings();
    assertThat(keys(found)).containsExactly(d.at("MR008", MAP_IN_SYSTEM_MEMORY));
    assertThat(found.get(0).message()).contains("in instance_init", "map it in realize");
  }

  @Test
  void addressSpaceInitInInstanceInitIsMR008() {
    String init = "address_space_init(&s->as, get_system_memory(), \"dev-as\");";
    DeviceSource d = DeviceSource.sysbus().init(init);
    List<Finding> found = d.findings();
    assertThat(keys(found)).containsExactly(d.at("MR008", init));
    assertThat(found.get(0).message()).contains("address_space_init(s->as) in instance_init");
  }

  @Test
  void creatingInInstanceInitAndMappingInRealizeIsClean() {
    DeviceSource d = DeviceSource.sysbus().init(INIT_IO).realize(MAP_IN_SYSTEM_MEMORY);
    assertThat(d.findings()).isEmpty();
  }
}
