package dev.mrcheck.bench;

import java.util.Random;

/**
 * A subsystem's shared helper file (hw/SUB/SUB-common.c). Device files of the subsystem call its
 * memory-API wrappers, so a region's init, map and unmap can sit one call away from the lifecycle
 * hook that causes them; the rest is shared non-memory logic.
 */
final class CommonHelpersTemplate {
  private final FilePlan plan;
  private final Random random;

  CommonHelpersTemplate(FilePlan plan) {
    this.plan = plan;
    this.random = new Random(plan.seed());
  }

  String write() {
    String sub = plan.names().subsystem();
    String c = TreePlanner.commonPrefix(sub);
    String core = plan.names().camel() + "Core";
    CWriter w = new CWriter();
    Preamble.license(w, random, "Helpers shared by the " + sub + " device models");
    w.line("#include \"qemu/osdep.h\"");
    w.line("#include \"qemu/log.h\"");
    w.line("#include \"hw/core/sysbus.h\"");
    w.line("#include \"hw/core/irq.h\"");
    w.line("#include \"hw/core/registerfields.h\"");
    w.line("#include \"system/memory.h\"");
    w.line("#include \"hw/" + sub + "/" + sub + "-common.h\"");
    w.line("#include \"trace.h\"");
    w.blank();
    RegisterBank registers = RegisterBank.random(random, 8);
    registers.writeDefinitions(w);
    LogicFileTemplate.coreStruct(w, core);

    w.line("void " + c + "_init_mmio(Object *owner, SysBusDevice *sbd, MemoryRegion *mr,");
    w.line("        const MemoryRegionOps *ops, void *opaque, const char *name, uint64_t size)");
    w.open("{");
    w.line("memory_region_init_io(mr, owner, ops, opaque, name, size);");
    w.line("sysbus_init_mmio(sbd, mr);");
    w.close();
    w.blank();
    w.line("void " + c + "_map_window(MemoryRegion *container, MemoryRegion *win, Object *owner,");
    w.line("        MemoryRegion *target, hwaddr base, uint64_t size)");
    w.open("{");
    w.line("memory_region_init_alias(win, owner, \"" + sub + "-window\", target, 0, size);");
    w.line("memory_region_add_subregion(container, base, win);");
    w.close();
    w.blank();
    w.line("void " + c + "_unmap_window(MemoryRegion *container, MemoryRegion *win)");
    w.open("{");
    w.line("memory_region_del_subregion(container, win);");
    w.line("object_unparent(OBJECT(win));");
    w.close();
    w.blank();
    w.line("uint32_t " + c + "_fold(uint32_t a, uint32_t b)");
    w.open("{");
    w.line("return (a << 3) ^ (b >> 5) ^ (a & b);");
    w.close();
    w.blank();
    new LogicFunctions(random, c, core, registers, null).fill(w, plan.targetLines() - w.lines());
    return w.text();
  }
}
