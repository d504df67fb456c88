package dev.mrcheck.bench;

import dev.mrcheck.bench.FilePlan.PlantedBug;
import java.util.Random;

/**
 * Writes a device's .c file: register definitions, the state struct (unless its header has it),
 * logic helpers, the MMIO (or I2C) callbacks with a switch over every register, the lifecycle hooks
 * with the shape's memory-API patterns, VMState, properties, class_init and TypeInfo.
 */
final class DeviceSourceTemplate {
  private final FilePlan plan;
  private final DeviceShape shape;
  private final DeviceNames n;
  private final Random random;
  private final String p;
  private final String common;

  DeviceSourceTemplate(FilePlan plan) {
    this.plan = plan;
    this.shape = DeviceShape.of(plan);
    this.n = plan.names();
    this.random = new Random(plan.seed() ^ 0x5DEECE66DL);
    this.p = n.prefix();
    this.common = TreePlanner.commonPrefix(n.subsystem());
  }

  String write() {
    CWriter head = new CWriter();
    Preamble.license(head, random, n.base() + " device model");
    includes(head);
    shape.registers().writeDefinitions(head);
    if (!plan.headerOwner()) {
      shape.writeDeclarations(head);
    }
    updateIrq(head);

    CWriter tail = new CWriter();
    if (shape.i2c()) {
      i2cCallbacks(tail);
    } else {
      mmioCallbacks(tail);
    }
    if (shape.timer()) {
      timerCallback(tail);
    }
    resetHold(tail);
    lifecycle(tail);
    vmstate(tail);
    properties(tail);
    classInit(tail);
    typeInfo(tail);

    CWriter logic = new CWriter();
    new LogicFunctions(random, p, n.state(), shape.registers(), common)
        .fill(logic, plan.targetLines() - head.lines() - tail.lines());
    return head.append(logic).append(tail).text();
  }

  private void includes(CWriter w) {
    w.line("#include \"qemu/osdep.h\"");
    w.line("#include \"qemu/log.h\"");
    w.line("#include \"qemu/module.h\"");
    w.line("#include \"qapi/error.h\"");
    w.line("#include \"" + shape.parentInclude() + "\"");
    if (shape.pci()) {
      w.line("#include \"system/address-spaces.h\"");
    }
    w.line("#include \"hw/core/irq.h\"");
    w.line("#include \"hw/core/qdev-properties.h\"");
    w.line("#include \"hw/core/registerfields.h\"");
    if (shape.timer()) {
      w.line("#include \"qemu/timer.h\"");
    }
    w.line("#include \"migration/vmstate.h\"");
    w.line("#include \"hw/" + n.subsystem() + "/" + n.subsystem() + "-common.h\"");
    if (plan.headerOwner()) {
      w.line("#include \"" + n.headerInclude() + "\"");
    }
    w.line("#include \"trace.h\"");
    w.blank();
  }

  private void updateIrq(CWriter w) {
    RegisterBank regs = shape.registers();
    w.line("static void " + p + "_update_irq(" + n.state() + " *s)");
    w.open("{");
    w.line("bool level = s->regs[R_" + regs.name(1) + "] & s->regs[R_" + regs.name(2) + "];");
    w.blank();
    w.line("qemu_set_irq(s->irq, level);");
    w.close();
    w.blank();
  }

  private void mmioCallbacks(CWriter w) {
    w.line("static uint64_t " + p + "_read(void *opaque, hwaddr addr, unsigned size)");
    w.open("{");
    w.line(n.state() + " *s = " + n.upper() + "(opaque);");
    w.line("uint64_t r = 0;");
    w.blank();
    w.open("switch (addr) {");
    shape.registers().writeReadCases(w, "s");
    badOffset(w);
    w.close();
    w.blank();
    w.line("trace_" + p + "_read(addr, r, size);");
    w.line("return r;");
    w.close();
    w.blank();

    if (shape.window()) {
      remapWindow(w);
    }
    w.line("static void " + p + "_write(void *opaque, hwaddr addr, uint64_t val64,");
    w.line(" ".repeat(19 + p.length()) + "unsigned size)");
    w.open("{");
    w.line(n.state() + " *s = " + n.upper() + "(opaque);");
    w.line("uint32_t value = val64;");
    w.blank();
    w.line("trace_" + p + "_write(addr, value, size);");
    w.blank();
    w.open("switch (addr) {");
    shape.registers().writeWriteCases(w, "s", p);
    badOffset(w);
    w.close();
    if (shape.window()) {
      w.open("if (addr == A_" + shape.registers().name(0) + ") {");
      w.line(p + "_remap_window(s, value);");
      w.close();
    }
    w.close();
    w.blank();

    w.open("static const MemoryRegionOps " + p + "_ops = {");
    w.line(".read = " + p + "_read,");
    w.line(".write = " + p + "_write,");
    w.line(".endianness = DEVICE_LITTLE_ENDIAN,");
    w.line(".valid.min_access_size = 4,");
    w.line(".valid.max_access_size = 4,");
    w.close("};");
    w.blank();
  }

  private void badOffset(CWriter w) {
    w.outdented("default:");
    w.line("qemu_log_mask(LOG_GUEST_ERROR, \"%s: bad offset 0x%\" HWADDR_PRIx \"\\n\",");
    w.line("              __func__, addr);");
    w.line("break;");
  }

  /** Guest-controlled window: an alias re-created at run time, the legitimate dynamic pattern. */
  private void remapWindow(CWriter w) {
    w.line("static void " + p + "_remap_window(" + n.state() + " *s, uint32_t offset)");
    w.open("{");
    w.line("memory_region_transaction_begin();");
    w.line("memory_region_del_subregion(&s->container, &s->window);");
    w.line("object_unparent(OBJECT(&s->window));");
    w.line(
        "memory_region_init_alias(&s->window, OBJECT(s), \"" + n.base() + "-window\", &s->sram,");
    w.line("                         offset & (s->sram_size - 1), 0x1000);");
    w.line("memory_region_add_subregion(&s->container, 0x40000, &s->window);");
    w.line("memory_region_transaction_commit();");
    w.close();
    w.blank();
  }

  private void i2cCallbacks(CWriter w) {
    w.line("static uint8_t " + p + "_recv(I2CSlave *i2c)");
    w.open("{");
    w.line(n.state() + " *s = " + n.upper() + "(i2c);");
    w.line("uint8_t r;");
    w.blank();
    w.open("switch (s->pointer << 2) {");
    shape.registers().writeReadCases(w, "s");
    w.outdented("default:");
    w.line("r = 0xff;");
    w.line("break;");
    w.close();
    w.line("s->pointer++;");
    w.line("return r;");
    w.close();
    w.blank();

    w.line("static int " + p + "_send(I2CSlave *i2c, uint8_t data)");
    w.open("{");
    w.line(n.state() + " *s = " + n.upper() + "(i2c);");
    w.line("uint32_t value = data;");
    w.blank();
    w.open("if (s->len == 0) {");
    w.line("s->pointer = data;");
    w.line("s->len++;");
    w.line("return 0;");
    w.close();
    w.open("switch (s->pointer << 2) {");
    shape.registers().writeWriteCases(w, "s", p);
    w.outdented("default:");
    w.line("break;");
    w.close();
    w.line("s->pointer++;");
    w.line("return 0;");
    w.close();
    w.blank();

    w.line("static int " + p + "_event(I2CSlave *i2c, enum i2c_event event)");
    w.open("{");
    w.line(n.state() + " *s = " + n.upper() + "(i2c);");
    w.blank();
    w.open("if (event == I2C_START_SEND) {");
    w.line("s->len = 0;");
    w.close();
    w.line("return 0;");
    w.close();
    w.blank();
  }

  private void timerCallback(CWriter w) {
    w.line("static void " + p + "_timer_cb(void *opaque)");
    w.open("{");
    w.line(n.state() + " *s = opaque;");
    w.blank();
    w.line("s->regs[R_" + shape.registers().name(2) + "] |= 1;");
    w.line(p + "_update_irq(s);");
    w.line("timer_mod(s->timer, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) + 1000000);");
    w.close();
    w.blank();
  }

  private void resetHold(CWriter w) {
    w.line("static void " + p + "_reset_hold(Object *obj, ResetType type)");
    w.open("{");
    w.line(n.state() + " *s = " + n.upper() + "(obj);");
    w.blank();
    w.line("memset(s->regs, 0, sizeof(s->regs));");
    w.line(
        "s->regs[R_"
            + shape.registers().name(0)
            + "] = 0x"
            + Integer.toHexString(random.nextInt(0x10000))
            + ";");
    if (shape.i2c()) {
      w.line("s->pointer = 0;");
      w.line("s->len = 0;");
    }
    w.close();
    w.blank();
  }

  private void lifecycle(CWriter w) {
    switch (shape.kind()) {
      case PCI_DEVICE:
        pciLifecycle(w);
        break;
      case I2C_DEVICE:
        break;
      case HELPER_USER_DEVICE:
        helperUserLifecycle(w);
        break;
      default:
        sysbusLifecycle(w);
        break;
    }
  }

  private void sysbusLifecycle(CWriter w) {
    String size = "0x" + Integer.toHexString(shape.registers().windowSize());
    w.line("static void " + p + "_init(Object *obj)");
    w.open("{");
    w.line(n.state() + " *s = " + n.upper() + "(obj);");
    w.line("SysBusDevice *sbd = SYS_BUS_DEVICE(obj);");
    w.blank();
    if (shape.initInInstanceInit()) {
      w.line(
          "memory_region_init_io(&s->iomem, obj, &"
              + p
              + "_ops, s, "
              + n.typeMacro()
              + ", "
              + size
              + ");");
      w.line("sysbus_init_mmio(sbd, &s->iomem);");
    }
    w.line("sysbus_init_irq(sbd, &s->irq);");
    w.close();
    w.blank();

    w.line("static void " + p + "_realize(DeviceState *dev, Error **errp)");
    w.open("{");
    w.line(n.state() + " *s = " + n.upper() + "(dev);");
    w.blank();
    if (shape.container()) {
      w.line(
          "memory_region_init(&s->container, OBJECT(dev), \""
              + n.base()
              + "-container\", 0x100000);");
      w.line("memory_region_init_io(&s->iomem, OBJECT(dev), &" + p + "_ops, s,");
      w.line("                      \"" + n.base() + "-regs\", " + size + ");");
      w.line("memory_region_add_subregion(&s->container, 0, &s->iomem);");
      w.open("if (!memory_region_init_ram(&s->sram, OBJECT(dev), \"" + n.base() + ".sram\",");
      w.line("                            s->sram_size, errp)) {");
      w.line("return;");
      w.close();
      w.line("memory_region_add_subregion(&s->container, 0x80000, &s->sram);");
      if (shape.window()) {
        w.line(
            "memory_region_init_alias(&s->window, OBJECT(dev), \""
                + n.base()
                + "-window\", &s->sram,");
        w.line("                         0, 0x1000);");
        w.line("memory_region_add_subregion(&s->container, 0x40000, &s->window);");
      }
      w.line("sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->container);");
    } else if (!shape.initInInstanceInit()) {
      w.line(
          "memory_region_init_io(&s->iomem, OBJECT(s), &"
              + p
              + "_ops, s, "
              + n.typeMacro()
              + ", "
              + size
              + ");");
      w.line("sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->iomem);");
    }
    if (shape.timer()) {
      w.line("s->timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, " + p + "_timer_cb, s);");
    }
    w.close();
    w.blank();
  }

  /** The device never names the memory API: its subsystem's shared helper does the work. */
  private void helperUserLifecycle(CWriter w) {
    w.line("static void " + p + "_init(Object *obj)");
    w.open("{");
    w.line(n.state() + " *s = " + n.upper() + "(obj);");
    w.blank();
    w.line("sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);");
    w.close();
    w.blank();
    w.line("static void " + p + "_realize(DeviceState *dev, Error **errp)");
    w.open("{");
    w.line(n.state() + " *s = " + n.upper() + "(dev);");
    w.blank();
    w.line(common + "_init_mmio(OBJECT(s), SYS_BUS_DEVICE(dev), &s->iomem, &" + p + "_ops, s,");
    w.line(
        "        "
            + n.typeMacro()
            + ", 0x"
            + Integer.toHexString(shape.registers().windowSize())
            + ");");
    if (shape.timer()) {
      w.line("s->timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, " + p + "_timer_cb, s);");
    }
    w.close();
    w.blank();
  }

  private void pciLifecycle(CWriter w) {
    String size = "0x" + Integer.toHexString(shape.registers().windowSize());
    if (shape.errorPath()) {
      w.line("static bool " + p + "_check_config(" + n.state() + " *s, Error **errp)");
      w.open("{");
      w.open("if (s->sram_size & (s->sram_size - 1)) {");
      w.line("error_setg(errp, \"sram-size must be a power of 2\");");
      w.line("return false;");
      w.close();
      w.line("return true;");
      w.close();
      w.blank();
    }
    w.line("static void " + p + "_realize(PCIDevice *pdev, Error **errp)");
    w.open("{");
    w.line(n.state() + " *s = " + n.upper() + "(pdev);");
    w.line("uint8_t *pci_conf = pdev->config;");
    w.blank();
    w.line("pci_conf[PCI_INTERRUPT_PIN] = 1;");
    w.line("s->irq = pci_allocate_irq(pdev);");
    w.line("memory_region_init(&s->bar, OBJECT(s), \"" + n.base() + "-bar\", 0x10000);");
    w.line("memory_region_init_io(&s->mmio, OBJECT(s), &" + p + "_ops, s,");
    w.line("                      \"" + n.base() + "-mmio\", " + size + ");");
    w.line("memory_region_add_subregion(&s->bar, 0, &s->mmio);");
    if (shape.errorPath()) {
      w.open("if (!" + p + "_check_config(s, errp)) {");
      w.line("goto fail;");
      w.close();
    }
    if (shape.portio()) {
      w.line("memory_region_init_io(&s->io, OBJECT(s), &" + p + "_ops, s,");
      w.line("                      \"" + n.base() + "-io\", 0x100);");
      w.line("pci_register_bar(pdev, 1, PCI_BASE_ADDRESS_SPACE_IO, &s->io);");
    }
    w.line("pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);");
    if (shape.dma()) {
      w.line("memory_region_init(&s->dma_root, OBJECT(s), \"" + n.base() + "-dma\", UINT64_MAX);");
      w.line("memory_region_init_alias(&s->dma_alias, OBJECT(s), \"" + n.base() + "-dma-alias\",");
      w.line("                         get_system_memory(), 0, UINT64_MAX);");
      w.line("memory_region_add_subregion(&s->dma_root, 0, &s->dma_alias);");
      w.line("address_space_init(&s->dma_as, &s->dma_root, \"" + n.base() + "-dma\");");
    }
    if (shape.commonWindow()) {
      w.line(common + "_map_window(&s->bar, &s->window, OBJECT(s), &s->mmio, 0x8000, 0x100);");
    }
    if (shape.balancedRef() || shape.bug() == PlantedBug.REF_WITHOUT_UNREF) {
      w.line("/* The DMA engine keeps reading the register block while it runs. */");
      w.line("memory_region_ref(&s->mmio);");
    }
    if (shape.shadow()) {
      w.line("s->shadow = g_new0(MemoryRegion, 1);");
      if (shape.bug() == PlantedBug.OWNERLESS_FREE) {
        w.line("memory_region_init_io(s->shadow, NULL, &" + p + "_ops, s,");
        w.line("                      \"" + n.base() + "-shadow\", " + size + ");");
      } else {
        w.line(
            "memory_region_init_alias(s->shadow, NULL, \"" + n.base() + "-shadow\", &s->mmio, 0,");
        w.line("                         " + size + ");");
      }
    }
    w.line("s->timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, " + p + "_timer_cb, s);");
    if (shape.errorPath()) {
      w.line("return;");
      w.blank();
      w.outdented("fail:");
      w.line("memory_region_del_subregion(&s->bar, &s->mmio);");
      w.line("object_unparent(OBJECT(&s->mmio));");
    }
    w.close();
    w.blank();

    w.line("static void " + p + "_exit(PCIDevice *pdev)");
    w.open("{");
    w.line(n.state() + " *s = " + n.upper() + "(pdev);");
    w.blank();
    w.line("timer_free(s->timer);");
    if (shape.commonWindow()) {
      w.line(common + "_unmap_window(&s->bar, &s->window);");
    }
    if (shape.dma()) {
      w.line("address_space_destroy(&s->dma_as);");
    }
    if (shape.balancedRef()) {
      w.line("memory_region_unref(&s->mmio);");
    }
    if (shape.unparentAfterDel()) {
      w.line("memory_region_del_subregion(&s->bar, &s->mmio);");
      w.line("object_unparent(OBJECT(&s->mmio));");
    } else if (shape.bug() == PlantedBug.UNPARENT_WHILE_MAPPED) {
      w.line("object_unparent(OBJECT(&s->mmio));");
    }
    if (shape.shadow()) {
      w.line("object_unparent(OBJECT(s->shadow));");
    }
    w.line("qemu_free_irq(s->irq);");
    w.close();
    w.blank();
  }

  private void vmstate(CWriter w) {
    w.open("static const VMStateDescription vmstate_" + p + " = {");
    w.line(".name = " + n.typeMacro() + ",");
    w.line(".version_id = 1,");
    w.line(".minimum_version_id = 1,");
    w.open(".fields = (const VMStateField[]) {");
    if (shape.pci()) {
      w.line("VMSTATE_PCI_DEVICE(parent_obj, " + n.state() + "),");
    } else if (shape.i2c()) {
      w.line("VMSTATE_I2C_SLAVE(parent_obj, " + n.state() + "),");
      w.line("VMSTATE_UINT8(pointer, " + n.state() + "),");
      w.line("VMSTATE_UINT8(len, " + n.state() + "),");
    }
    w.line("VMSTATE_UINT32_ARRAY(regs, " + n.state() + ", " + shape.numRegs() + "),");
    if (shape.timer()) {
      w.line("VMSTATE_TIMER_PTR(timer, " + n.state() + "),");
    }
    w.line("VMSTATE_END_OF_LIST()");
    w.close("}");
    w.close("};");
    w.blank();
  }

  private void properties(CWriter w) {
    w.open("static const Property " + p + "_properties[] = {");
    w.line("DEFINE_PROP_UINT32(\"sram-size\", " + n.state() + ", sram_size, 0x10000),");
    w.line("DEFINE_PROP_UINT32(\"revision\", " + n.state() + ", revision, 1),");
    w.line("DEFINE_PROP_BOOL(\"strict\", " + n.state() + ", strict, false),");
    w.close("};");
    w.blank();
  }

  private void classInit(CWriter w) {
    w.line("static void " + p + "_class_init(ObjectClass *klass, const void *data)");
    w.open("{");
    w.line("DeviceClass *dc = DEVICE_CLASS(klass);");
    w.line("ResettableClass *rc = RESETTABLE_CLASS(klass);");
    if (shape.pci()) {
      w.line("PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);");
    } else if (shape.i2c()) {
      w.line("I2CSlaveClass *k = I2C_SLAVE_CLASS(klass);");
    }
    w.blank();
    if (shape.pci()) {
      w.line("k->realize = " + p + "_realize;");
      w.line("k->exit = " + p + "_exit;");
      w.line("k->vendor_id = PCI_VENDOR_ID_REDHAT;");
      w.line("k->device_id = 0x" + Integer.toHexString(0x1000 + random.nextInt(0x1000)) + ";");
      w.line("k->class_id = PCI_CLASS_OTHERS;");
      w.line("set_bit(DEVICE_CATEGORY_MISC, dc->categories);");
    } else if (shape.i2c()) {
      w.line("k->event = " + p + "_event;");
      w.line("k->recv = " + p + "_recv;");
      w.line("k->send = " + p + "_send;");
    } else {
      w.line("dc->realize = " + p + "_realize;");
    }
    w.line("dc->vmsd = &vmstate_" + p + ";");
    w.line("dc->desc = \"" + n.base() + " model\";");
    w.line("rc->phases.hold = " + p + "_reset_hold;");
    w.line("device_class_set_props(dc, " + p + "_properties);");
    w.close();
    w.blank();
  }

  private void typeInfo(CWriter w) {
    boolean defineTypes = random.nextInt(3) == 0;
    w.open(
        defineTypes
            ? "static const TypeInfo " + p + "_types[] = {"
            : "static const TypeInfo " + p + "_info = {");
    if (defineTypes) {
      w.open("{");
    }
    w.line(".name          = " + n.typeMacro() + ",");
    w.line(".parent        = " + shape.parentType() + ",");
    w.line(".instance_size = sizeof(" + n.state() + "),");
    if (!shape.pci() && !shape.i2c()) {
      w.line(".instance_init = " + p + "_init,");
    }
    w.line(".class_init    = " + p + "_class_init,");
    if (shape.pci()) {
      w.open(".interfaces = (const InterfaceInfo[]) {");
      w.line("{ INTERFACE_CONVENTIONAL_PCI_DEVICE },");
      w.line("{ },");
      w.close("},");
    }
    if (defineTypes) {
      w.close("},");
    }
    w.close("};");
    w.blank();
    if (defineTypes) {
      w.line("DEFINE_TYPES(" + p + "_types)");
    } else {
      w.line("static void " + p + "_register_types(void)");
      w.open("{");
      w.line("type_register_static(&" + p + "_info);");
      w.close();
      w.blank();
      w.line("type_init(" + p + "_register_types)");
    }
  }
}
