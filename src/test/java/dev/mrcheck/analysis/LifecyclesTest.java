package dev.mrcheck.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.model.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecyclesTest {
  private static final String BASE_H =
      """
      #define TYPE_MYBASE "my-base"
      """;
  private static final String BASE =
      """
      static void base_realize(PCIDevice *d, Error **errp) { }
      static void base_class_init(ObjectClass *klass, const void *data)
      {
          PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);
          k->realize = base_realize;
      }
      static const TypeInfo base_info = {
          .name = TYPE_MYBASE, .parent = TYPE_PCI_DEVICE, .abstract = true,
          .class_init = base_class_init,
      };
      """;
  private static final String LEAF =
      """
      static void leaf_exit(PCIDevice *d) { }
      static void leaf_init(Object *obj) { }
      static void leaf_class_init(ObjectClass *klass, const void *data)
      {
          PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);
          k->exit = leaf_exit;
      }
      static void pinned_class_init(ObjectClass *klass, const void *data)
      {
          DeviceClass *dc = DEVICE_CLASS(klass);
          dc->hotpluggable = false;
      }
      static void busless_class_init(ObjectClass *klass, const void *data)
      {
          DeviceClass *dc = DEVICE_CLASS(klass);
          dc->hotpluggable = true;
      }
      static const TypeInfo types[] = {
          { .name = "my-leaf", .parent = "my-base", .instance_init = leaf_init,
            .instance_size = sizeof(LeafState), .class_init = leaf_class_init },
          { .name = "my-pinned", .parent = "my-leaf", .class_init = pinned_class_init },
          { .name = "my-busless", .parent = TYPE_DEVICE, .class_init = busless_class_init },
      };
      """;

  private DeviceType device(String name) {
    Program p = AnalysisFixture.program("base.h", BASE_H, "base.c", BASE, "leaf.c", LEAF);
    List<DeviceType> devices = new Lifecycles(p, AnalysisFixture.MODEL).devices();
    return devices.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void hooksComeFromClassInitAcrossTheHierarchy() {
    DeviceType leaf = device("my-leaf");
    assertThat(leaf.hooks(Role.REALIZE)).extracting(f -> f.name()).containsExactly("base_realize");
    assertThat(leaf.hooks(Role.UNREALIZE)).extracting(f -> f.name()).containsExactly("leaf_exit");
    assertThat(leaf.hooks(Role.INSTANCE_INIT))
        .extracting(f -> f.name())
        .containsExactly("leaf_init");
    assertThat(leaf.instanceStruct()).isEqualTo("LeafState");
    assertThat(leaf.ancestry()).containsExactly("my-leaf", "my-base", "TYPE_PCI_DEVICE");
  }

  @Test
  void hotPluggabilityNeedsAHotPluggableBaseAndNoVeto() {
    assertThat(device("my-leaf").hotpluggable()).isTrue();
    assertThat(device("my-pinned").hotpluggable()).isFalse();
    assertThat(device("my-busless").hotpluggable())
        .as("dc->hotpluggable = true alone, no hot-pluggable bus")
        .isFalse();
  }
}
