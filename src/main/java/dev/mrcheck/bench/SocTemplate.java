package dev.mrcheck.bench;

import java.util.Random;

/**
 * An SoC container device and the board that instantiates it, in one file: a memory-map table,
 * peripherals created with qdev_new and mapped with sysbus_mmio_map, SRAM, an alias of it in system
 * memory, and owner-less board RAM/ROM that is never freed (all legitimate patterns).
 */
final class SocTemplate {
  private final FilePlan plan;
  private final DeviceNames n;
  private final Random random;
  private final String p;

  SocTemplate(FilePlan plan) {
    this.plan = plan;
    this.n = plan.names();
    this.random = new Random(plan.seed());
    this.p = n.prefix();
  }

  String write() {
    int peripherals = Math.max(4, Math.min(400, plan.targetLines() / 12));
    RegisterBank registers = RegisterBank.random(random, 4);

    CWriter head = new CWriter();
    Preamble.license(head, random, n.base() + " SoC and board");
    head.line("#include \"qemu/osdep.h\"");
    head.line("#include \"qapi/error.h\"");
    head.line("#include \"qemu/units.h\"");
    head.line("#include \"hw/core/sysbus.h\"");
    head.line("#include \"hw/core/boards.h\"");
    head.line("#include \"hw/misc/unimp.h\"");
    head.line("#include \"system/address-spaces.h\"");
    head.blank();
    registers.writeDefinitions(head);
    head.line("#define " + n.typeMacro() + " \"" + n.base() + "\"");
    head.line("OBJECT_DECLARE_SIMPLE_TYPE(" + n.state() + ", " + n.upper() + ")");
    head.blank();
    head.line("#define " + n.upper() + "_NUM_PERIPH " + peripherals);
    head.blank();
    head.open("struct " + n.state() + " {");
    head.line("SysBusDevice parent_obj;");
    head.blank();
    head.line("MemoryRegion container;");
    head.line("MemoryRegion sram;");
    head.line("MemoryRegion sram_alias;");
    head.line("DeviceState *periph[" + n.upper() + "_NUM_PERIPH];");
    head.line("uint32_t regs[R_MAX];");
    head.line("qemu_irq irq;");
    head.line("uint32_t sram_size;");
    head.close("};");
    head.blank();

    CWriter tail = new CWriter();
    memoryMap(tail, peripherals);
    realize(tail);
    board(tail);
    types(tail);

    CWriter logic = new CWriter();
    new LogicFunctions(random, p, n.state(), registers, TreePlanner.commonPrefix(n.subsystem()))
        .fill(logic, plan.targetLines() - head.lines() - tail.lines());
    return head.append(logic).append(tail).text();
  }

  private void memoryMap(CWriter w, int peripherals) {
    w.open("static const struct {");
    w.line("const char *type;");
    w.line("hwaddr base;");
    w.line("hwaddr size;");
    w.close("} " + p + "_memmap[" + n.upper() + "_NUM_PERIPH] = {");
    long base = 0x1e600000L;
    for (int i = 0; i < peripherals; i++) {
      String block = random.nextInt(5) == 0 ? "unimp" : Vocabulary.pick(random, Vocabulary.BLOCKS);
      long size = 0x1000L << random.nextInt(4);
      w.line(
          "    ["
              + i
              + "] = { \""
              + block
              + "\", 0x"
              + Long.toHexString(base)
              + ", 0x"
              + Long.toHexString(size)
              + " },");
      base += size;
    }
    w.line("};");
    w.blank();
  }

  private void realize(CWriter w) {
    w.line("static void " + p + "_realize(DeviceState *dev, Error **errp)");
    w.open("{");
    w.line(n.state() + " *s = " + n.upper() + "(dev);");
    w.line("int i;");
    w.blank();
    w.line(
        "memory_region_init(&s->container, OBJECT(dev), \""
            + n.base()
            + "-container\", UINT64_MAX);");
    w.open("if (!memory_region_init_ram(&s->sram, OBJECT(dev), \"" + n.base() + ".sram\",");
    w.line("                            s->sram_size, errp)) {");
    w.line("return;");
    w.close();
    w.line("memory_region_add_subregion(&s->container, 0x10000000, &s->sram);");
    w.line(
        "memory_region_init_alias(&s->sram_alias, OBJECT(dev), \"" + n.base() + ".sram-alias\",");
    w.line("                         &s->sram, 0, s->sram_size);");
    w.line("memory_region_add_subregion(get_system_memory(), 0, &s->sram_alias);");
    w.blank();
    w.open("for (i = 0; i < " + n.upper() + "_NUM_PERIPH; i++) {");
    w.open("if (!strcmp(" + p + "_memmap[i].type, \"unimp\")) {");
    w.line("create_unimplemented_device(" + p + "_memmap[i].type, " + p + "_memmap[i].base,");
    w.line("                            " + p + "_memmap[i].size);");
    w.line("continue;");
    w.close();
    w.line("s->periph[i] = qdev_new(" + p + "_memmap[i].type);");
    w.open("if (!sysbus_realize_and_unref(SYS_BUS_DEVICE(s->periph[i]), errp)) {");
    w.line("return;");
    w.close();
    w.line("sysbus_mmio_map(SYS_BUS_DEVICE(s->periph[i]), 0, " + p + "_memmap[i].base);");
    w.close();
    w.line("sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->container);");
    w.close();
    w.blank();
  }

  private void board(CWriter w) {
    w.line("static void " + p + "_board_init(MachineState *machine)");
    w.open("{");
    w.line("MemoryRegion *sysmem = get_system_memory();");
    w.line("MemoryRegion *rom = g_new(MemoryRegion, 1);");
    w.line("DeviceState *soc = qdev_new(" + n.typeMacro() + ");");
    w.blank();
    w.line("memory_region_add_subregion(sysmem, 0x80000000, machine->ram);");
    w.line("memory_region_init_rom(rom, NULL, \"" + n.base() + ".rom\", 64 * KiB, &error_fatal);");
    w.line("memory_region_add_subregion(sysmem, 0, rom);");
    w.line(
        "qdev_prop_set_uint32(soc, \"sram-size\", 0x"
            + Integer.toHexString(0x10000 << random.nextInt(5))
            + ");");
    w.line("sysbus_realize_and_unref(SYS_BUS_DEVICE(soc), &error_fatal);");
    w.line("sysbus_mmio_map(SYS_BUS_DEVICE(soc), 0, 0x10000000);");
    w.close();
    w.blank();
    w.line("static void " + p + "_machine_class_init(ObjectClass *oc, const void *data)");
    w.open("{");
    w.line("MachineClass *mc = MACHINE_CLASS(oc);");
    w.blank();
    w.line("mc->desc = \"" + n.base() + " evaluation board\";");
    w.line("mc->init = " + p + "_board_init;");
    w.line("mc->default_ram_id = \"" + n.base() + ".ram\";");
    w.line("mc->default_ram_size = 512 * MiB;");
    w.close();
    w.blank();
    w.line("static void " + p + "_class_init(ObjectClass *klass, const void *data)");
    w.open("{");
    w.line("DeviceClass *dc = DEVICE_CLASS(klass);");
    w.blank();
    w.line("dc->realize = " + p + "_realize;");
    w.line("dc->user_creatable = false;");
    w.close();
    w.blank();
  }

  private void types(CWriter w) {
    w.open("static const TypeInfo " + p + "_types[] = {");
    w.open("{");
    w.line(".name          = " + n.typeMacro() + ",");
    w.line(".parent        = TYPE_SYS_BUS_DEVICE,");
    w.line(".instance_size = sizeof(" + n.state() + "),");
    w.line(".class_init    = " + p + "_class_init,");
    w.outdented("}, {");
    w.line(".name          = MACHINE_TYPE_NAME(\"" + n.base() + "-board\"),");
    w.line(".parent        = TYPE_MACHINE,");
    w.line(".class_init    = " + p + "_machine_class_init,");
    w.close("},");
    w.close("};");
    w.blank();
    w.line("DEFINE_TYPES(" + p + "_types)");
  }
}
