package dev.mrcheck.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A device's 32-bit register file in hw/registerfields.h style ({@code REG32(CTRL, 0x0)} followed
 * by {@code FIELD(CTRL, EN, 0, 1)} lines). The register count is what makes a device file big: each
 * register costs a definition, a read case and a write case, as in QEMU's larger models.
 */
final class RegisterBank {
  enum Access {
    RW,
    RO,
    W1C,
    WO
  }

  record Field(String name, int shift, int length) {}

  record Register(String name, int offset, Access access, List<Field> fields) {}

  private final List<Register> registers;

  private RegisterBank(List<Register> registers) {
    this.registers = registers;
  }

  static RegisterBank random(Random random, int count) {
    List<Register> registers = new ArrayList<>(count);
    int words = Vocabulary.REGISTERS.size();
    for (int i = 0; i < count; i++) {
      String base = Vocabulary.REGISTERS.get(i % words);
      String name = i < words ? base : base + (i / words);
      Access access = Access.values()[random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(3)];
      List<Field> fields = new ArrayList<>();
      int fieldCount = random.nextInt(4);
      int shift = 0;
      for (int f = 0; f < fieldCount && shift < 28; f++) {
        int length = 1 + random.nextInt(4);
        fields.add(
            new Field(
                Vocabulary.FIELDS.get((i + f * 7) % Vocabulary.FIELDS.size()) + f, shift, length));
        shift += length + random.nextInt(3);
      }
      registers.add(new Register(name, i * 4, access, fields));
    }
    return new RegisterBank(registers);
  }

  List<Register> registers() {
    return registers;
  }

  int count() {
    return registers.size();
  }

  /** Size of the MMIO window, rounded up to a power of two as devices usually declare it. */
  int windowSize() {
    int size = 0x100;
    while (size < registers.size() * 4) {
      size <<= 1;
    }
    return size;
  }

  String name(int index) {
    return registers.get(index % registers.size()).name();
  }

  void writeDefinitions(CWriter w) {
    for (Register reg : registers) {
      w.line("REG32(" + reg.name() + ", 0x" + Integer.toHexString(reg.offset()) + ")");
      for (Field field : reg.fields()) {
        w.line(
            "    FIELD("
                + reg.name()
                + ", "
                + field.name()
                + ", "
                + field.shift()
                + ", "
                + field.length()
                + ")");
      }
    }
    w.blank();
    w.line("#define R_MAX (R_" + registers.get(registers.size() - 1).name() + " + 1)");
    w.blank();
  }

  /** The {@code case A_X:} arms of a MemoryRegionOps read callback; {@code r} holds the value. */
  void writeReadCases(CWriter w, String self) {
    for (Register reg : registers) {
      w.outdented("case A_" + reg.name() + ":");
      if (reg.access() == Access.WO) {
        w.line(
            "qemu_log_mask(LOG_GUEST_ERROR, \"%s: read of write-only register "
                + reg.name()
                + "\\n\", __func__);");
        w.line("r = 0;");
      } else {
        w.line("r = " + self + "->regs[R_" + reg.name() + "];");
      }
      w.line("break;");
    }
  }

  /** The {@code case A_X:} arms of a write callback; {@code value} is the written word. */
  void writeWriteCases(CWriter w, String self, String prefix) {
    for (Register reg : registers) {
      w.outdented("case A_" + reg.name() + ":");
      switch (reg.access()) {
        case RO:
          w.line(
              "qemu_log_mask(LOG_GUEST_ERROR, \"%s: write to read-only register "
                  + reg.name()
                  + "\\n\", __func__);");
          break;
        case W1C:
          w.line(self + "->regs[R_" + reg.name() + "] &= ~value;");
          w.line(prefix + "_update_irq(" + self + ");");
          break;
        default:
          if (reg.fields().isEmpty()) {
            w.line(self + "->regs[R_" + reg.name() + "] = value;");
          } else {
            Field field = reg.fields().get(0);
            w.line(self + "->regs[R_" + reg.name() + "] = value;");
            w.open("if (FIELD_EX32(value, " + reg.name() + ", " + field.name() + ")) {");
            w.line(prefix + "_update_irq(" + self + ");");
            w.close();
          }
          break;
      }
      w.line("break;");
    }
  }
}
