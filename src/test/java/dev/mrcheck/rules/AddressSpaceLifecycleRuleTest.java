package dev.mrcheck.rules;

import static dev.mrcheck.rules.DeviceSource.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MR007 address-space-lifecycle on minimal devices (docs/rules/MR007.md). */
class AddressSpaceLifecycleRuleTest {
  private static final String INIT_AS =
      "address_space_init(&s->as, get_system_memory(), \"dev-as\");";
  private static final String NEW_HEAP_AS = "s->das = g_new0(AddressSpace, 1);";
  private static final String INIT_HEAP_AS =
      "address_space_init(s->das, get_system_memory(), \"dev-as\");";

  @Test
  void addressSpaceOverSystemMemoryNeverDestroyedIsMR007() {
    DeviceSource d = DeviceSource.pci().realize(INIT_AS);
    List<Finding> found = d.findings();
    assertThat(keys(found)).containsExactly(d.at("MR007", INIT_AS));
    assertThat(found.get(0).message())
        .contains("address_space_init(s->as) over system_memory", "not destroyed at unrealize");
  }

  @Test
  void addressSpaceDestroyedAtExitIsClean() {
    DeviceSource d =
        DeviceSource.pci().realize(INIT_AS).unrealize("address_space_destroy(&s->as);");
    assertThat(d.findings()).isEmpty();
  }

  @Test
  void gFreeRightAfterDestroyIsMR007() {
    String free = "g_free(s->das);";
    DeviceSource d =
        DeviceSource.pci()
            .realize(NEW_HEAP_AS, INIT_HEAP_AS)
            .unrealize("address_space_destroy(s->das);", free);
    List<Finding> found = d.findings();
    assertThat(keys(found)).containsExactly(d.at("MR007", free));
    assertThat(found.get(0).message()).contains("use address_space_destroy_free()");
  }

  @Test
  void destroyFreeIsClean() {
    DeviceSource d =
        DeviceSource.pci()
            .realize(NEW_HEAP_AS, INIT_HEAP_AS)
            .unrealize("address_space_destroy_free(s->das);");
    assertThat(d.findings()).isEmpty();
  }
}
