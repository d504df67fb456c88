package dev.mrcheck.bench;

import java.util.Random;

/**
 * Writes the emulation logic that makes up most of a device class and never touches the memory API:
 * bit fiddling on the register array, loops, command switches. Each method is written to an exact
 * line count so a class can be filled to its budget. Expects {@code int[] regs}, {@code NUM_REGS}
 * and the register constants of {@code registers} in the class.
 */
final class JavaLogicMethods {
  /** Smallest method: signature, declaration, return, brace, blank line. */
  static final int MIN_LINES = 5;

  private final Random random;
  private final RegisterBank registers;
  private int counter;

  JavaLogicMethods(Random random, RegisterBank registers) {
    this.random = random;
    this.registers = registers;
  }

  /** Writes whole methods totalling exactly {@code budget} lines (blank lines if under 5). */
  void fill(CWriter w, int budget) {
    int remaining = budget;
    while (remaining >= MIN_LINES) {
      int size = Math.min(remaining, 8 + random.nextInt(40));
      if (remaining - size < MIN_LINES) {
        size = remaining;
      }
      writeMethod(w, size);
      remaining -= size;
    }
    for (; remaining > 0; remaining--) {
      w.blank();
    }
  }

  private void writeMethod(CWriter w, int size) {
    String name =
        Vocabulary.pick(random, Vocabulary.VERBS)
            + JavaTreePlanner.camel(Vocabulary.pick(random, Vocabulary.NOUNS))
            + (counter++);
    w.open("private int " + name + "(int val) {");
    w.line("int v = val ^ regs[R_" + reg() + "];");
    writeStatements(w, size - MIN_LINES);
    w.line("return v;");
    w.close();
    w.blank();
  }

  private void writeStatements(CWriter w, int budget) {
    int remaining = budget;
    while (remaining > 0) {
      int choice = random.nextInt(10);
      if (choice < 4 || remaining < 3) {
        w.line(simpleStatement());
        remaining--;
      } else if (choice < 6) {
        w.open("if ((v & 0x" + Integer.toHexString(1 << random.nextInt(16)) + ") != 0) {");
        w.line(simpleStatement());
        w.close();
        remaining -= 3;
      } else if (choice < 8) {
        w.open("for (int i = 0; i < " + (2 + random.nextInt(14)) + "; i++) {");
        w.line("v = v * 31 + regs[(R_" + reg() + " + i) % NUM_REGS];");
        w.close();
        remaining -= 3;
      } else if (remaining >= 5) {
        w.open("if (v > regs[R_" + reg() + "]) {");
        w.line(simpleStatement());
        w.outdented("} else {");
        w.line(simpleStatement());
        w.close();
        remaining -= 5;
      } else {
        w.line(simpleStatement());
        remaining--;
      }
    }
  }

  private String simpleStatement() {
    switch (random.nextInt(6)) {
      case 0:
        return "v = (v << "
            + (1 + random.nextInt(7))
            + ") ^ (v >>> "
            + (1 + random.nextInt(9))
            + ");";
      case 1:
        return "regs[R_"
            + reg()
            + "] = v & 0x"
            + Integer.toHexString(0xff << (8 * random.nextInt(3)))
            + ";";
      case 2:
        return "v += regs[R_" + reg() + "];";
      case 3:
        return "v = Integer.rotateLeft(v, " + (1 + random.nextInt(31)) + ");";
      case 4:
        return "regs[R_" + reg() + "] |= 1 << " + random.nextInt(32) + ";";
      default:
        return "v &= ~regs[R_" + reg() + "];";
    }
  }

  private String reg() {
    return registers.name(random.nextInt(registers.count()));
  }

  /** {@code private static final int R_X = i;} for every register, then NUM_REGS. */
  static void writeConstants(CWriter w, RegisterBank registers) {
    for (int i = 0; i < registers.count(); i++) {
      w.line("private static final int R_" + registers.name(i) + " = " + i + ";");
    }
    w.line("private static final int NUM_REGS = " + registers.count() + ";");
    w.blank();
  }

  /** A read method with a switch over every register. */
  static void writeRead(CWriter w, RegisterBank registers, String name) {
    w.open("long " + name + "(long addr, int size) {");
    w.open("switch ((int) (addr >>> 2)) {");
    for (RegisterBank.Register reg : registers.registers()) {
      w.line("case R_" + reg.name() + ":");
      w.line(
          "  return "
              + (reg.access() == RegisterBank.Access.WO
                  ? "0"
                  : "regs[R_" + reg.name() + "] & 0xffffffffL")
              + ";");
    }
    w.line("default:");
    w.line("  return 0;");
    w.close();
    w.close();
    w.blank();
  }

  /** A write method with a switch over every register; W1C registers update the interrupt. */
  static void writeWrite(CWriter w, RegisterBank registers, String name) {
    w.open("void " + name + "(long addr, long value, int size) {");
    w.line("int v = (int) value;");
    w.open("switch ((int) (addr >>> 2)) {");
    for (RegisterBank.Register reg : registers.registers()) {
      w.line("case R_" + reg.name() + ":");
      switch (reg.access()) {
        case RO:
          w.line("  guestError(\"write to read-only register " + reg.name() + "\");");
          break;
        case W1C:
          w.line("  regs[R_" + reg.name() + "] &= ~v;");
          w.line("  updateIrq();");
          break;
        default:
          w.line("  regs[R_" + reg.name() + "] = v;");
          break;
      }
      w.line("  break;");
    }
    w.line("default:");
    w.line("  guestError(\"bad offset \" + addr);");
    w.line("  break;");
    w.close();
    w.close();
    w.blank();
    w.open("private void updateIrq() {");
    w.line(
        "irqLevel = (regs[R_"
            + registers.name(0)
            + "] & regs[R_"
            + registers.name(1)
            + "]) != 0 ? 1 : 0;");
    w.close();
    w.blank();
    w.open("private void guestError(String what) {");
    w.line("errors++;");
    w.line("lastError = what;");
    w.close();
    w.blank();
  }

  /** Fields the register methods use. */
  static void writeFields(CWriter w) {
    w.line("private final int[] regs = new int[NUM_REGS];");
    w.line("private int irqLevel;");
    w.line("private int errors;");
    w.line("private String lastError;");
  }
}
