package dev.mrcheck.bench;

import dev.mrcheck.bench.FilePlan.PlantedBug;
import java.util.Random;

/**
 * The decisions about one device that both its source file and its header depend on: register
 * count, which regions it has and which memory-API patterns it uses. Derived only from the plan, so
 * the header writer and the source writer (running on different threads) agree.
 */
record DeviceShape(
    DeviceNames names,
    FileKind kind,
    RegisterBank registers,
    PlantedBug bug,
    boolean initInInstanceInit,
    boolean container,
    boolean window,
    boolean portio,
    boolean dma,
    boolean commonWindow,
    boolean balancedRef,
    boolean errorPath,
    boolean unparentAfterDel,
    boolean ownerlessAlias,
    boolean timer) {

  /** About a third of a device file is register plumbing; each register costs ~9 lines. */
  private static final double REGISTER_SHARE = 0.3;

  private static final int LINES_PER_REGISTER = 9;
  private static final int MAX_REGISTERS = 320;

  static DeviceShape of(FilePlan plan) {
    Random random = new Random(plan.seed());
    int count =
        (int)
            Math.max(
                2,
                Math.min(MAX_REGISTERS, plan.targetLines() * REGISTER_SHARE / LINES_PER_REGISTER));
    RegisterBank registers = RegisterBank.random(random, count);
    boolean sysbus = plan.kind() == FileKind.SYSBUS_DEVICE;
    boolean pci = plan.kind() == FileKind.PCI_DEVICE;
    boolean container = sysbus && random.nextInt(3) == 0;
    return new DeviceShape(
        plan.names(),
        plan.kind(),
        registers,
        plan.plantedBug(),
        sysbus && !container && random.nextBoolean(),
        container,
        container && random.nextBoolean(),
        pci && random.nextBoolean(),
        pci && random.nextInt(4) == 0,
        pci && random.nextInt(3) == 0,
        pci && plan.plantedBug() != PlantedBug.REF_WITHOUT_UNREF && random.nextInt(6) == 0,
        pci && random.nextInt(3) == 0,
        pci && plan.plantedBug() != PlantedBug.UNPARENT_WHILE_MAPPED && random.nextInt(4) == 0,
        pci && plan.plantedBug() != PlantedBug.OWNERLESS_FREE && random.nextInt(8) == 0,
        pci || random.nextInt(3) == 0);
  }

  boolean pci() {
    return kind == FileKind.PCI_DEVICE;
  }

  boolean i2c() {
    return kind == FileKind.I2C_DEVICE;
  }

  boolean shadow() {
    return ownerlessAlias || bug == PlantedBug.OWNERLESS_FREE;
  }

  String numRegs() {
    return names.upper() + "_NUM_REGS";
  }

  String parentStruct() {
    return pci() ? "PCIDevice" : i2c() ? "I2CSlave" : "SysBusDevice";
  }

  String parentInclude() {
    return pci() ? "hw/pci/pci_device.h" : i2c() ? "hw/i2c/i2c.h" : "hw/core/sysbus.h";
  }

  String parentType() {
    return pci() ? "TYPE_PCI_DEVICE" : i2c() ? "TYPE_I2C_SLAVE" : "TYPE_SYS_BUS_DEVICE";
  }

  /** TYPE_ define, the QOM boilerplate and the state struct, as in a .c file or a header. */
  void writeDeclarations(CWriter w) {
    w.line("#define " + names.typeMacro() + " \"" + names.base() + "\"");
    w.line("OBJECT_DECLARE_SIMPLE_TYPE(" + names.state() + ", " + names.upper() + ")");
    w.blank();
    w.line("#define " + numRegs() + " " + registers.count());
    w.blank();
    w.open("struct " + names.state() + " {");
    w.line("/*< private >*/");
    w.line(parentStruct() + " parent_obj;");
    w.line("/*< public >*/");
    w.blank();
    if (!i2c()) {
      w.line("MemoryRegion " + (pci() ? "mmio" : "iomem") + ";");
    }
    if (container) {
      w.line("MemoryRegion container;");
      w.line("MemoryRegion sram;");
    }
    if (window || commonWindow) {
      w.line("MemoryRegion window;");
    }
    if (pci()) {
      w.line("MemoryRegion bar;");
    }
    if (portio) {
      w.line("MemoryRegion io;");
    }
    if (dma) {
      w.line("MemoryRegion dma_root;");
      w.line("MemoryRegion dma_alias;");
      w.line("AddressSpace dma_as;");
    }
    if (shadow()) {
      w.line("MemoryRegion *shadow;");
    }
    if (timer) {
      w.line("QEMUTimer *timer;");
    }
    w.line("qemu_irq irq;");
    if (i2c()) {
      w.line("uint8_t pointer;");
      w.line("uint8_t len;");
    }
    w.blank();
    w.line("uint32_t regs[" + numRegs() + "];");
    w.line("uint32_t sram_size;");
    w.line("uint32_t revision;");
    w.line("bool strict;");
    w.close("};");
    w.blank();
  }
}
