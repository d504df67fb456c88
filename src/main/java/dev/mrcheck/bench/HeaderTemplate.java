package dev.mrcheck.bench;

import java.util.Locale;
import java.util.Random;

/** Headers under include/hw: a device's declarations, a subsystem's prototypes, register maps. */
final class HeaderTemplate {
  private final FilePlan plan;
  private final FilePlan device;
  private final Random random;

  /**
   * @param device the device source whose state struct this header holds, or null
   */
  HeaderTemplate(FilePlan plan, FilePlan device) {
    this.plan = plan;
    this.device = device;
    this.random = new Random(plan.seed());
  }

  String write() {
    DeviceNames n = plan.names();
    CWriter w = new CWriter();
    Preamble.license(w, random, n.base() + " declarations");
    w.line("#ifndef " + n.guard());
    w.line("#define " + n.guard());
    w.blank();
    switch (plan.kind()) {
      case DEVICE_HEADER:
        DeviceShape shape = DeviceShape.of(device);
        w.line("#include \"" + shape.parentInclude() + "\"");
        w.line("#include \"qom/object.h\"");
        w.blank();
        shape.writeDeclarations(w);
        break;
      case COMMON_HEADER:
        commonPrototypes(w, TreePlanner.commonPrefix(n.subsystem()));
        break;
      default:
        break;
    }
    int budget = plan.targetLines() - w.lines() - 2;
    String macro = n.upper();
    for (int i = 0; i < budget; i++) {
      String reg = Vocabulary.REGISTERS.get(i % Vocabulary.REGISTERS.size()) + (i / 45);
      if (random.nextInt(4) == 0) {
        w.line(
            "#define "
                + macro
                + "_"
                + reg
                + "_MASK 0x"
                + Integer.toHexString(random.nextInt()).toUpperCase(Locale.ROOT)
                + "U");
      } else {
        w.line("#define " + macro + "_" + reg + " 0x" + Integer.toHexString(i * 4));
      }
    }
    w.blank();
    w.line("#endif /* " + n.guard() + " */");
    return w.text();
  }

  private static void commonPrototypes(CWriter w, String c) {
    w.line("#include \"system/memory.h\"");
    w.line("#include \"hw/core/sysbus.h\"");
    w.blank();
    w.line("void " + c + "_init_mmio(Object *owner, SysBusDevice *sbd, MemoryRegion *mr,");
    w.line("        const MemoryRegionOps *ops, void *opaque, const char *name, uint64_t size);");
    w.line("void " + c + "_map_window(MemoryRegion *container, MemoryRegion *win, Object *owner,");
    w.line("        MemoryRegion *target, hwaddr base, uint64_t size);");
    w.line("void " + c + "_unmap_window(MemoryRegion *container, MemoryRegion *win);");
    w.line("uint32_t " + c + "_fold(uint32_t a, uint32_t b);");
    w.blank();
  }
}
