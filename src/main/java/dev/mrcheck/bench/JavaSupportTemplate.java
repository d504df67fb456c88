package dev.mrcheck.bench;

import java.util.Random;

/**
 * Writes the classes of the Java tree that are not devices: a subsystem's region helpers (static
 * map/unmap functions in both binding styles, which device classes call across files) and plain
 * emulation-logic classes. Both are filled with logic methods up to their line budget.
 */
final class JavaSupportTemplate {
  private final JavaFilePlan plan;
  private final Random random;
  private final RegisterBank registers;

  JavaSupportTemplate(JavaFilePlan plan) {
    this.plan = plan;
    this.random = new Random(plan.seed());
    int count = (int) Math.max(2, Math.min(64, plan.targetLines() * 0.1));
    this.registers = RegisterBank.random(random, count);
  }

  String write() {
    boolean helper = plan.kind() == JavaFileKind.REGION_HELPER;
    CWriter head = new CWriter();
    head.line("package " + plan.pkg() + ";");
    head.blank();
    if (helper) {
      head.line("import api.MemoryRegion;");
      head.line("import api.memory_h;");
      head.line("import api.qom_h;");
      head.line("import java.lang.foreign.MemorySegment;");
      head.blank();
      head.line("/** Region plumbing shared by the device models of this subsystem. */");
    } else {
      head.line("/** " + plan.className() + ": emulation logic split out of a device model. */");
    }
    head.open("public final class " + plan.className() + " {");
    JavaLogicMethods.writeConstants(head, registers);
    head.line("private final int[] regs = new int[NUM_REGS];");
    head.blank();

    CWriter tail = new CWriter(1);
    if (helper) {
      helpers(tail);
    } else {
      tail.open("public int step(int input) {");
      tail.line("regs[0] ^= input;");
      tail.line("return regs[NUM_REGS - 1];");
      tail.close();
    }
    tail.close();

    CWriter logic = new CWriter(1);
    new JavaLogicMethods(random, registers)
        .fill(logic, plan.targetLines() - head.lines() - tail.lines());
    return head.append(logic).append(tail).text();
  }

  /** Unmapping always precedes unparenting here: the helpers are safe to call at exit. */
  private static void helpers(CWriter w) {
    w.line("/** Maps a device's window into a bus container. */");
    w.open("static void mapWindow(MemoryRegion bus, long base, MemoryRegion window) {");
    w.line("bus.addSubregion(base, window);");
    w.close();
    w.blank();
    w.line("/** Unmaps a device's window from its bus and drops it. */");
    w.open("static void dropWindow(MemoryRegion bus, MemoryRegion window) {");
    w.line("bus.delSubregion(window);");
    w.line("window.unparent();");
    w.close();
    w.blank();
    w.line("/** The same for a device on the FFM bindings. */");
    w.open("static void dropSegment(MemorySegment bus, MemorySegment window) {");
    w.line("memory_h.memory_region_del_subregion(bus, window);");
    w.line("qom_h.object_unparent(qom_h.OBJECT(window));");
    w.close();
  }
}
