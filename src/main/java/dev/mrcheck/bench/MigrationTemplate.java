package dev.mrcheck.bench;

import java.util.Random;

/**
 * Migration glue for a device family: a state struct with many fields, a VMStateDescription listing
 * them, a subsection with its needed hook, pre_save/post_load. No memory API.
 */
final class MigrationTemplate {
  private final FilePlan plan;
  private final Random random;

  MigrationTemplate(FilePlan plan) {
    this.plan = plan;
    this.random = new Random(plan.seed());
  }

  String write() {
    DeviceNames n = plan.names();
    String p = n.prefix();
    String st = n.camel() + "MigState";
    int fields = Math.max(4, Math.min(400, plan.targetLines() / 6));
    CWriter w = new CWriter();
    Preamble.license(w, random, n.base() + " migration support");
    w.line("#include \"qemu/osdep.h\"");
    w.line("#include \"migration/vmstate.h\"");
    w.line("#include \"hw/core/registerfields.h\"");
    w.line("#include \"hw/" + n.subsystem() + "/" + n.subsystem() + "-common.h\"");
    w.blank();
    RegisterBank registers = RegisterBank.random(random, 4);
    registers.writeDefinitions(w);
    w.open("typedef struct " + st + " {");
    w.line("uint32_t regs[R_MAX];");
    w.line("qemu_irq irq;");
    for (int i = 0; i < fields; i++) {
      w.line("uint32_t field" + i + ";");
    }
    w.line("uint64_t saved_ns;");
    w.line("bool ext_enabled;");
    w.close("} " + st + ";");
    w.blank();

    w.line("static int " + p + "_pre_save(void *opaque)");
    w.open("{");
    w.line(st + " *s = opaque;");
    w.blank();
    w.line("s->saved_ns = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);");
    w.line("return 0;");
    w.close();
    w.blank();
    w.line("static int " + p + "_post_load(void *opaque, int version_id)");
    w.open("{");
    w.line(st + " *s = opaque;");
    w.blank();
    w.open("if (s->field0 > " + fields + ") {");
    w.line("return -EINVAL;");
    w.close();
    w.line("return 0;");
    w.close();
    w.blank();
    w.line("static bool " + p + "_ext_needed(void *opaque)");
    w.open("{");
    w.line(st + " *s = opaque;");
    w.blank();
    w.line("return s->ext_enabled;");
    w.close();
    w.blank();
    w.open("static const VMStateDescription vmstate_" + p + "_ext = {");
    w.line(".name = \"" + n.base() + "/ext\",");
    w.line(".version_id = 1,");
    w.line(".minimum_version_id = 1,");
    w.line(".needed = " + p + "_ext_needed,");
    w.open(".fields = (const VMStateField[]) {");
    w.line("VMSTATE_UINT64(saved_ns, " + st + "),");
    w.line("VMSTATE_END_OF_LIST()");
    w.close("}");
    w.close("};");
    w.blank();
    w.open("const VMStateDescription vmstate_" + p + " = {");
    w.line(".name = \"" + n.base() + "\",");
    w.line(".version_id = " + (1 + random.nextInt(4)) + ",");
    w.line(".minimum_version_id = 1,");
    w.line(".pre_save = " + p + "_pre_save,");
    w.line(".post_load = " + p + "_post_load,");
    w.open(".fields = (const VMStateField[]) {");
    w.line("VMSTATE_UINT32_ARRAY(regs, " + st + ", R_MAX),");
    for (int i = 0; i < fields; i++) {
      w.line("VMSTATE_UINT32(field" + i + ", " + st + "),");
    }
    w.line("VMSTATE_END_OF_LIST()");
    w.close("},");
    w.open(".subsections = (const VMStateDescription * const []) {");
    w.line("&vmstate_" + p + "_ext,");
    w.line("NULL");
    w.close("}");
    w.close("};");
    w.blank();
    new LogicFunctions(random, p, st, registers, TreePlanner.commonPrefix(n.subsystem()))
        .fill(w, plan.targetLines() - w.lines());
    return w.text();
  }
}
