package dev.mrcheck.rules;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanOverlay;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.Scanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A minimal QEMU device in one C file, for pinning one rule decision: the test fills in the bodies
 * of the lifecycle hooks (instance_init, realize, exit or unrealize, instance_finalize) and of the
 * MMIO write handler (run-time code), scans it in memory and compares the findings. The state
 * struct has the fields the snippets use: {@code mmio}, {@code container}, {@code alias}, {@code
 * rom} (embedded regions), {@code ram} (a heap region), {@code as} (an embedded address space),
 * {@code das} (a heap one), {@code peer} (another object), {@code backend} (another object's
 * region, set through a link property), {@code sec} is a MemoryRegionSection local of every
 * function, {@code s->fail} an error condition and {@code s->pinned} a flag.
 */
final class DeviceSource {
  static final String FILE = "dev.c";

  /** Statements the rule tests share. */
  static final String INIT_IO =
      "memory_region_init_io(&s->mmio, OBJECT(s), &dev_ops, s, \"dev-mmio\", 0x100);";

  static final String MAP_IN_SYSTEM_MEMORY =
      "memory_region_add_subregion(get_system_memory(), 0x1000, &s->mmio);";
  static final String UNMAP_FROM_SYSTEM_MEMORY =
      "memory_region_del_subregion(get_system_memory(), &s->mmio);";
  static final String UNPARENT = "object_unparent(OBJECT(&s->mmio));";

  private static final String TEMPLATE =
      """
      #include "qemu/osdep.h"
      #include "qapi/error.h"
      #include "hw/pci/pci_device.h"
      #include "hw/core/sysbus.h"
      #include "system/memory.h"
      #include "system/address-spaces.h"
      #include "qom/object.h"

      #define TYPE_DEV "dev"
      OBJECT_DECLARE_SIMPLE_TYPE(DevState, DEV)

      struct DevState {
          @PARENT@ parent_obj;
          MemoryRegion mmio;
          MemoryRegion container;
          MemoryRegion alias;
          MemoryRegion rom;
          MemoryRegion *ram;
          AddressSpace as;
          AddressSpace *das;
          Object *peer;
          MemoryRegion *backend;
          bool fail;
          bool pinned;
      };

      static uint64_t dev_read(void *opaque, hwaddr addr, unsigned size)
      {
          return 0;
      }

      static void dev_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
      {
          DevState *s = opaque;
          MemoryRegionSection sec;
      @RUNTIME@
      }

      static const MemoryRegionOps dev_ops = {
          .read = dev_read,
          .write = dev_write,
      };

      static void dev_instance_init(Object *obj)
      {
          DevState *s = DEV(obj);
          MemoryRegionSection sec;
      @INIT@
      }

      static void dev_realize(@PARAMS@, Error **errp)
      {
          DevState *s = DEV(dev);
          MemoryRegionSection sec;
      @REALIZE@
      }

      static void dev_unrealize(@PARAMS@)
      {
          DevState *s = DEV(dev);
          MemoryRegionSection sec;
      @UNREALIZE@
      }

      static void dev_instance_finalize(Object *obj)
      {
          DevState *s = DEV(obj);
          MemoryRegionSection sec;
      @FINALIZE@
      }

      static void dev_class_init(ObjectClass *klass, const void *data)
      {
      @CLASS_INIT@
      }

      static const TypeInfo dev_info = {
          .name = TYPE_DEV,
          .parent = @PARENT_TYPE@,
          .instance_size = sizeof(DevState),
          .instance_init = dev_instance_init,
          .instance_finalize = dev_instance_finalize,
          .class_init = dev_class_init,
      };

      static void dev_register_types(void)
      {
          type_register_static(&dev_info);
      }

      type_init(dev_register_types)
      """;

  private final boolean pci;
  private String init = "";
  private String realize = "";
  private String unrealize = "";
  private String finalize = "";
  private String runtime = "";

  private DeviceSource(boolean pci) {
    this.pci = pci;
  }

  /** A hot-pluggable PCI device: unrealized (PCIDeviceClass.exit) at unplug. */
  static DeviceSource pci() {
    return new DeviceSource(true);
  }

  /** A sysbus device: never unrealized, it lives as long as the machine. */
  static DeviceSource sysbus() {
    return new DeviceSource(false);
  }

  DeviceSource init(String... lines) {
    init = body(lines);
    return this;
  }

  DeviceSource realize(String... lines) {
    realize = body(lines);
    return this;
  }

  /** The unrealize hook: PCI {@code exit}, sysbus {@code unrealize}. */
  DeviceSource unrealize(String... lines) {
    unrealize = body(lines);
    return this;
  }

  DeviceSource finalize(String... lines) {
    finalize = body(lines);
    return this;
  }

  /** The MMIO write handler's body: run-time code. */
  DeviceSource runtime(String... lines) {
    runtime = body(lines);
    return this;
  }

  private static String body(String... lines) {
    StringBuilder b = new StringBuilder();
    for (String l : lines) b.append(b.length() == 0 ? "" : "\n").append("    ").append(l);
    return b.toString();
  }

  String text() {
    String classInit =
        pci
            ? "    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);\n\n    k->realize = dev_realize;\n    k->exit = dev_unrealize;"
            : "    DeviceClass *dc = DEVICE_CLASS(klass);\n\n    dc->realize = dev_realize;\n    dc->unrealize = dev_unrealize;";
    return TEMPLATE
        .replace("@PARENT_TYPE@", pci ? "TYPE_PCI_DEVICE" : "TYPE_SYS_BUS_DEVICE")
        .replace("@PARENT@", pci ? "PCIDevice" : "SysBusDevice")
        .replace("@PARAMS@", pci ? "PCIDevice *dev" : "DeviceState *dev")
        .replace("@CLASS_INIT@", classInit)
        .replace("@RUNTIME@", runtime)
        .replace("@INIT@", init)
        .replace("@REALIZE@", realize)
        .replace("@UNREALIZE@", unrealize)
        .replace("@FINALIZE@", finalize);
  }

  /** The line of the only line of the source that contains {@code fragment}. */
  int lineOf(String fragment) {
    String[] lines = text().split("\n", -1);
    int found = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(fragment)) {
        if (found >= 0)
          throw new IllegalArgumentException("'" + fragment + "' is on more than one line");
        found = i + 1;
      }
    }
    if (found < 0) throw new IllegalArgumentException("'" + fragment + "' is not in the source");
    return found;
  }

  /** The findings of a scan of this file alone, in the order of {@link Finding#compareTo}. */
  List<Finding> findings(Semantics semantics) {
    try {
      Path dir = Files.createTempDirectory("mrcheck-rule-test");
      try {
        ScanOverlay overlay =
            new ScanOverlay(Map.of(dir.resolve(FILE).toAbsolutePath().normalize(), text()), false);
        ScanRequest request =
            new ScanRequest(List.of(dir), semantics, Set.of(), List.of(), FrontendOptions.NONE, 1);
        return new Scanner().scan(request, overlay).findings().stream().sorted().toList();
      } finally {
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ScanException e) {
      throw new IllegalStateException(e);
    }
  }

  List<Finding> findings() {
    return findings(Semantics.CURRENT);
  }

  /** Findings as {@code rule@line}, for exact comparisons. */
  static List<String> keys(List<Finding> findings) {
    return findings.stream().map(f -> f.ruleId() + "@" + f.loc().line()).toList();
  }

  /** {@code rule@line} of the line holding {@code fragment}. */
  String at(String rule, String fragment) {
    return rule + "@" + lineOf(fragment);
  }
}
