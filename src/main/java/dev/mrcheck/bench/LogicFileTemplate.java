package dev.mrcheck.bench;

import java.util.Random;

/**
 * A file of emulation logic split out of a device model (a timer core, a descriptor ring, a packet
 * filter): register definitions, a core struct and functions over it, no memory API. The bulk of
 * QEMU's hw/ looks like this, and a lexical pre-pass should be able to skip it.
 */
final class LogicFileTemplate {
  private final FilePlan plan;
  private final Random random;

  LogicFileTemplate(FilePlan plan) {
    this.plan = plan;
    this.random = new Random(plan.seed());
  }

  static void coreStruct(CWriter w, String core) {
    w.open("typedef struct " + core + " {");
    w.line("uint32_t regs[R_MAX];");
    w.line("qemu_irq irq;");
    w.line("QEMUTimer *timer;");
    w.line("uint64_t last_tick_ns;");
    w.line("Fifo8 fifo;");
    w.close("} " + core + ";");
    w.blank();
  }

  String write() {
    DeviceNames n = plan.names();
    String core = n.camel() + "Core";
    CWriter w = new CWriter();
    Preamble.license(w, random, n.base() + " emulation core");
    w.line("#include \"qemu/osdep.h\"");
    w.line("#include \"qemu/log.h\"");
    w.line("#include \"qemu/bitops.h\"");
    w.line("#include \"qemu/timer.h\"");
    w.line("#include \"qemu/fifo8.h\"");
    w.line("#include \"hw/core/irq.h\"");
    w.line("#include \"hw/core/registerfields.h\"");
    w.line("#include \"hw/" + n.subsystem() + "/" + n.subsystem() + "-common.h\"");
    w.line("#include \"trace.h\"");
    w.blank();
    RegisterBank registers =
        RegisterBank.random(random, Math.max(2, Math.min(200, plan.targetLines() / 40)));
    registers.writeDefinitions(w);
    coreStruct(w, core);

    w.line("void " + n.prefix() + "_reset(" + core + " *s)");
    w.open("{");
    w.line("memset(s->regs, 0, sizeof(s->regs));");
    w.line("fifo8_reset(&s->fifo);");
    w.line("s->last_tick_ns = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);");
    w.close();
    w.blank();
    new LogicFunctions(random, n.prefix(), core, registers, TreePlanner.commonPrefix(n.subsystem()))
        .fill(w, plan.targetLines() - w.lines());
    return w.text();
  }
}
