package dev.mrcheck.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BundledModelTest {
  private final BoundModel model = ModelLoader.bundled();

  @Test
  void indexListsEveryBundledFile() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      List<String> onDisk =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".mrm"))
              .sorted()
              .toList();
      assertThat(ModelLoader.bundledFileNames()).containsExactlyInAnyOrderElementsOf(onDisk);
    }
  }

  @Test
  void everyBundledFileBindsWithoutErrors() throws Exception {
    for (String name : ModelLoader.bundledFileNames()) {
      ModelFile file = ModelLoader.parse("rules/" + name, Files.readString(Path.of("rules", name)));
      assertThat(file.functions().size() + file.classHooks().size() + file.types().size())
          .as(name)
          .isPositive();
    }
  }

  /**
   * Every memory_region_init* of QEMU 11's memory.h (and the older _nomigrate ones), with its kind
   * and arity.
   */
  @Test
  void coversEveryInitVariant() {
    Map<String, RegionKind> kinds =
        Map.ofEntries(
            Map.entry("memory_region_init", RegionKind.CONTAINER),
            Map.entry("memory_region_init_io", RegionKind.IO),
            Map.entry("memory_region_init_ram", RegionKind.RAM),
            Map.entry("memory_region_init_ram_nomigrate", RegionKind.RAM),
            Map.entry("memory_region_init_ram_flags_nomigrate", RegionKind.RAM),
            Map.entry("memory_region_init_ram_ptr", RegionKind.RAM),
            Map.entry("memory_region_init_ram_device_ptr", RegionKind.RAM),
            Map.entry("memory_region_init_ram_from_fd", RegionKind.RAM),
            Map.entry("memory_region_init_ram_from_file", RegionKind.RAM),
            Map.entry("memory_region_init_ram_guest_memfd", RegionKind.RAM),
            Map.entry("memory_region_init_resizeable_ram", RegionKind.RAM),
            Map.entry("memory_region_init_rom", RegionKind.ROM),
            Map.entry("memory_region_init_rom_nomigrate", RegionKind.ROM),
            Map.entry("memory_region_init_rom_device", RegionKind.ROM_DEVICE),
            Map.entry("memory_region_init_rom_device_nomigrate", RegionKind.ROM_DEVICE),
            Map.entry("memory_region_init_iommu", RegionKind.IOMMU),
            Map.entry("memory_region_init_alias", RegionKind.ALIAS));
    Map<String, Integer> arity =
        Map.of(
            "memory_region_init_io",
            6,
            "memory_region_init_ram_from_file",
            9,
            "memory_region_init_ram_from_fd",
            8,
            "memory_region_init_resizeable_ram",
            7,
            "memory_region_init_rom_device",
            7,
            "memory_region_init_iommu",
            6,
            "memory_region_init_alias",
            6);
    kinds.forEach(
        (name, kind) -> {
          FunctionModel f =
              model.function(name).orElseThrow(() -> new AssertionError("missing " + name));
          // The migratable RAM/ROM inits also cast the owner with DEVICE(): a second effect says
          // so.
          assertThat(f.effects().stream().filter(e -> !(e instanceof Operation.DeviceOwner)))
              .as(name)
              .hasSize(1);
          Operation.Init<Operand> init = (Operation.Init<Operand>) f.effects().get(0);
          assertThat(init.kind()).as(name).isEqualTo(kind);
          assertThat(init.region()).as(name).isEqualTo(new Operand.Arg(0, null));
          assertThat(f.params().get(((Operand.Arg) init.owner()).index()))
              .as(name)
              .isEqualTo("owner");
        });
    arity.forEach(
        (name, n) -> assertThat(model.function(name).orElseThrow().params()).as(name).hasSize(n));
    assertThat(model.function("memory_region_init_iommu").orElseThrow().effects())
        .containsExactly(
            new Operation.Init<>(
                new Operand.Arg(0, null), new Operand.Arg(3, null), RegionKind.IOMMU, null));
    assertThat(model.function("memory_region_init_alias").orElseThrow().effects())
        .containsExactly(
            new Operation.Init<>(
                new Operand.Arg(0, null),
                new Operand.Arg(1, null),
                RegionKind.ALIAS,
                new Operand.Arg(3, null)));
  }

  @Test
  void mapsAndAddressSpaces() {
    assertThat(effects("memory_region_add_subregion"))
        .containsExactly(
            new Operation.Map<>(new Operand.Arg(2, null), new Operand.Arg(0, null), null));
    assertThat(effects("memory_region_add_subregion_overlap"))
        .containsExactly(
            new Operation.Map<>(new Operand.Arg(2, null), new Operand.Arg(0, null), null));
    assertThat(effects("memory_region_del_subregion"))
        .containsExactly(new Operation.Unmap<>(new Operand.Arg(1, null), new Operand.Arg(0, null)));
    assertThat(effects("pci_register_bar"))
        .containsExactly(
            new Operation.Map<>(
                new Operand.Arg(3, null), new Operand.Global("pci_bar"), Role.UNREALIZE));
    assertThat(effects("sysbus_init_mmio")).isEmpty();
    assertThat(effects("memory_region_find"))
        .containsExactly(new Operation.Find<>(new Operand.Result("mr")));
    assertThat(effects("get_system_memory"))
        .containsExactly(new Operation.Returns<>(new Operand.Global("system_memory")));
    assertThat(effects("address_space_init"))
        .containsExactly(
            new Operation.AddressSpaceInit<>(new Operand.Arg(0, null), new Operand.Arg(1, null)));
    assertThat(effects("address_space_destroy_free"))
        .containsExactly(new Operation.AddressSpaceDestroy<>(new Operand.Arg(0, null), true));
    assertThat(effects("address_space_map"))
        .containsExactly(
            new Operation.AddressSpaceMap<>(
                new Operand.Arg(0, null), new Operand.Result(null), null));
    assertThat(effects("address_space_unmap"))
        .containsExactly(new Operation.AddressSpaceUnmap<>(new Operand.Arg(1, null)));
    assertThat(effects("g_clear_pointer"))
        .containsExactly(new Operation.Free<>(new Operand.Arg(0, null), false, false));
    assertThat(effects("memory_region_is_mapped"))
        .containsExactly(new Operation.TestsMapped<>(new Operand.Arg(0, null)));
    assertThat(effects("pci_setup_iommu"))
        .containsExactly(
            new Operation.Registers<>(new Operand.Arg(2, null), new Operand.Arg(0, null)));
    assertThat(effects("qemu_register_reset"))
        .containsExactly(
            new Operation.Registers<>(
                new Operand.Arg(1, null), new Operand.Global("reset_handlers")));
    for (String name :
        List.of(
            "object_unparent",
            "object_ref",
            "object_unref",
            "g_free",
            "memory_region_ref",
            "memory_region_unref",
            "address_space_destroy",
            "get_system_io",
            "pci_address_space",
            "pci_address_space_io",
            "portio_list_del")) {
      assertThat(model.function(name)).as(name).isPresent();
    }
  }

  @Test
  void lifecycleHooksAndHotplug() {
    assertThat(model.classHook("DeviceClass", "realize")).contains(Role.REALIZE);
    assertThat(model.classHook("PCIDeviceClass", "exit")).contains(Role.UNREALIZE);
    assertThat(model.classHook("VirtioDeviceClass", "unrealize")).contains(Role.UNREALIZE);
    assertThat(model.classHook("USBDeviceClass", "realize")).contains(Role.REALIZE);
    assertThat(model.classHook("TypeInfo", "instance_finalize")).contains(Role.INSTANCE_FINALIZE);
    assertThat(model.classHook("PCIDeviceClass", "config_write")).isEmpty();
    assertThat(model.hookSetter("device_class_set_parent_realize"))
        .contains(new ApiModel.HookSetter(Role.REALIZE, 1));
    assertThat(model.hookSetter("device_class_set_parent_unrealize"))
        .contains(new ApiModel.HookSetter(Role.UNREALIZE, 1));
    assertThat(model.hotpluggable("TYPE_PCI_DEVICE")).contains(true);
    assertThat(model.hotpluggable("pci-device")).contains(true);
    assertThat(model.hotpluggable("TYPE_VIRTIO_SERIAL_PORT")).contains(true);
    assertThat(model.hotpluggable("TYPE_SYS_BUS_DEVICE")).contains(false);
    assertThat(model.hotpluggable("TYPE_DEVICE")).isEmpty();
  }

  @Test
  void javaFacadeUsesQualifiedNamesAndSelf() {
    assertThat(effects("MemoryRegion.addSubregion"))
        .containsExactly(
            new Operation.Map<>(new Operand.Arg(2, null), new Operand.Arg(0, null), null));
    assertThat(effects("MemoryRegion.io"))
        .containsExactly(
            new Operation.Init<>(
                new Operand.Result(null), new Operand.Arg(0, null), RegionKind.IO, null));
    assertThat(effects("MemoryRegion.alias"))
        .containsExactly(
            new Operation.Init<>(
                new Operand.Result(null),
                new Operand.Arg(0, null),
                RegionKind.ALIAS,
                new Operand.Arg(2, null)));
    assertThat(effects("AddressSpace.create"))
        .containsExactly(
            new Operation.AddressSpaceInit<>(new Operand.Result(null), new Operand.Arg(0, null)));
    assertThat(model.classHook("PCIDevice", "exit")).contains(Role.UNREALIZE);
    assertThat(model.classHook("DeviceState", "instanceInit")).contains(Role.INSTANCE_INIT);
    assertThat(model.functionNames()).contains("MemoryRegion.unparent", "AddressSpace.destroy");
  }

  @Test
  void definitionsRememberWhereTheyCameFrom() {
    assertThat(model.function("memory_region_init_io").orElseThrow().definedAt().file())
        .isEqualTo("rules/memory.mrm");
  }

  private List<Operation<Operand>> effects(String function) {
    return model
        .function(function)
        .orElseThrow(() -> new AssertionError("missing " + function))
        .effects();
  }
}
