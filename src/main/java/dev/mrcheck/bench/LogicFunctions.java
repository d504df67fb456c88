package dev.mrcheck.bench;

import java.util.Random;

/**
 * Writes the device-model logic that makes up most of a QEMU file and never touches the memory API:
 * bit fiddling on registers, FIFO and descriptor loops, command switches, guest-error logs. Each
 * function is written to an exact line count so a file can be filled to its budget.
 */
final class LogicFunctions {
  /** Smallest function this writer produces: signature, brace, one statement, brace, blank. */
  static final int MIN_LINES = 5;

  private final Random random;
  private final String prefix;
  private final String stateType;
  private final RegisterBank registers;
  private final String commonPrefix;
  private int counter;

  /**
   * @param commonPrefix prefix of the subsystem's shared helper file, whose non-memory helpers some
   *     functions call (cross-file calls the analyzer's call graph has to resolve), or null
   */
  LogicFunctions(
      Random random, String prefix, String stateType, RegisterBank registers, String commonPrefix) {
    this.random = random;
    this.prefix = prefix;
    this.stateType = stateType;
    this.registers = registers;
    this.commonPrefix = commonPrefix;
  }

  /** Writes whole functions totalling exactly {@code budget} lines (blank lines if under 5). */
  void fill(CWriter w, int budget) {
    int remaining = budget;
    while (remaining >= MIN_LINES) {
      int size = Math.min(remaining, 12 + random.nextInt(60));
      if (remaining - size < MIN_LINES) {
        size = remaining;
      }
      writeFunction(w, size);
      remaining -= size;
    }
    for (; remaining > 0; remaining--) {
      w.blank();
    }
  }

  private void writeFunction(CWriter w, int size) {
    String name =
        prefix
            + "_"
            + Vocabulary.pick(random, Vocabulary.VERBS)
            + "_"
            + Vocabulary.pick(random, Vocabulary.NOUNS)
            + (counter++);
    boolean returnsValue = size >= 8 && random.nextBoolean();
    w.line(
        "static "
            + (returnsValue ? "uint32_t " : "void ")
            + name
            + "("
            + stateType
            + " *s, uint32_t val)");
    w.open("{");
    int body = size - 4;
    if (returnsValue) {
      w.line("uint32_t v = s->regs[R_" + reg() + "];");
      w.line("unsigned i;");
      w.blank();
      writeStatements(w, body - 4);
      w.line("return v;");
    } else if (body >= 2) {
      w.line("uint32_t v = val;");
      writeStatements(w, body - 1);
    } else {
      w.line("s->regs[R_" + reg() + "] = val;");
    }
    w.close();
    w.blank();
  }

  private void writeStatements(CWriter w, int budget) {
    int remaining = budget;
    while (remaining > 0) {
      int choice = random.nextInt(10);
      if (choice < 3 || remaining < 3) {
        w.line(simpleStatement());
        remaining--;
      } else if (choice < 5) {
        w.open("if (v & " + mask() + ") {");
        w.line(simpleStatement());
        if (remaining >= 5 && random.nextBoolean()) {
          w.outdented("} else {");
          w.line(simpleStatement());
          w.close();
          remaining -= 5;
        } else {
          w.close();
          remaining -= 3;
        }
      } else if (choice < 7) {
        int inner = Math.min(remaining - 2, 1 + random.nextInt(3));
        w.open("for (i = 0; i < " + (2 + random.nextInt(30)) + "; i++) {");
        for (int k = 0; k < inner; k++) {
          w.line(
              k == 0
                  ? "v = (v << 1) ^ (s->regs[(R_" + reg() + " + i) % R_MAX] & " + mask() + ");"
                  : simpleStatement());
        }
        w.close();
        remaining -= inner + 2;
      } else if (choice < 8 && remaining >= 6) {
        w.line("qemu_log_mask(LOG_GUEST_ERROR,");
        w.line(
            random.nextInt(4) == 0
                ? "              \"%s: unexpected value 0x%\" PRIx32 \"\\n\", __func__, v);"
                : "              \"%s: unexpected value 0x%x\\n\", __func__, v);");
        remaining -= 2;
      } else if (remaining >= 8) {
        remaining -= writeSwitch(w, remaining);
      } else {
        w.line(simpleStatement());
        remaining--;
      }
    }
  }

  /** A command switch: {@code switch}, n cases of 3 lines, a 3-line default, the brace. */
  private int writeSwitch(CWriter w, int budget) {
    int cases = Math.min((budget - 5) / 3, 2 + random.nextInt(10));
    w.open("switch (extract32(val, 0, 8)) {");
    for (int c = 0; c < cases; c++) {
      w.outdented("case 0x" + Integer.toHexString(c * 4 + random.nextInt(4)) + ":");
      w.line(simpleStatement());
      w.line("break;");
    }
    w.outdented("default:");
    w.line("v = 0;");
    w.line("break;");
    w.close();
    return 5 + cases * 3;
  }

  private String simpleStatement() {
    switch (random.nextInt(13)) {
      case 9:
        return "s->regs[R_"
            + reg()
            + "] = deposit32(s->regs[R_"
            + reg()
            + "], "
            + random.nextInt(16)
            + ", "
            + (1 + random.nextInt(8))
            + ", extract32(val, "
            + random.nextInt(16)
            + ", "
            + (1 + random.nextInt(8))
            + ") ^ (v >> 2));";
      case 10:
        return "v = (val & "
            + mask()
            + ") ? s->regs[R_"
            + reg()
            + "] : (uint32_t)(v + "
            + (1 + random.nextInt(64))
            + ");";
      case 11:
        return "v = (uint16_t)((s->regs[R_"
            + reg()
            + "] >> "
            + random.nextInt(16)
            + ") & MAKE_64BIT_MASK(0, "
            + (1 + random.nextInt(16))
            + ")) | (v << 16);";
      case 12:
        return "s->regs[R_"
            + reg()
            + "] = MIN(v + extract32(s->regs[R_"
            + reg()
            + "], 0, "
            + (1 + random.nextInt(16))
            + "), "
            + (1 + random.nextInt(4096))
            + ");";
      case 0:
        return "v = deposit32(v, "
            + random.nextInt(24)
            + ", "
            + (1 + random.nextInt(8))
            + ", val);";
      case 1:
        return "s->regs[R_" + reg() + "] = v;";
      case 2:
        return "v ^= s->regs[R_" + reg() + "] >> " + (1 + random.nextInt(16)) + ";";
      case 3:
        return "v = extract32(val, " + random.nextInt(16) + ", " + (1 + random.nextInt(16)) + ");";
      case 4:
        return "s->regs[R_" + reg() + "] |= BIT(" + random.nextInt(32) + ");";
      case 5:
        return "qemu_set_irq(s->irq, (s->regs[R_" + reg() + "] & v) != 0);";
      case 6:
        return commonPrefix == null
            ? "v += ctpop32(val);"
            : "v = " + commonPrefix + "_fold(v, val);";
      case 7:
        return "trace_" + prefix + "_event(" + random.nextInt(64) + ", v);";
      default:
        return "s->regs[R_" + reg() + "] &= ~" + mask() + ";";
    }
  }

  private String reg() {
    return registers.name(random.nextInt(registers.count()));
  }

  private String mask() {
    return "0x" + Integer.toHexString(1 << random.nextInt(31));
  }
}
