package dev.mrcheck.selftest;

import dev.mrcheck.selftest.DeviceProgram.Stmt;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The state fields a program's guards test and its statements write, to declare them. */
final class StateFields {
  private StateFields() {}

  /** In the order the program first names them. */
  static List<StateField> of(DeviceProgram p) {
    Set<StateField> out = new LinkedHashSet<>();
    for (Stmt s : p.statements()) {
      if (s instanceof Guard g) out.add(g.field());
      if (s instanceof StateFieldWrite w) out.add(w.field());
      if (s instanceof DeviceProgram.ApiCall c && namesBackend(c)) out.add(StateField.BACKEND);
    }
    return List.copyOf(out);
  }

  private static boolean namesBackend(DeviceProgram.ApiCall c) {
    return c.operation().subject() == Slot.Fixed.BACKEND;
  }

  static String cDeclaration(StateField f) {
    return switch (f.kind()) {
      case BACKEND -> "MemoryRegion *" + f.name() + ";";
      case PROPERTY, FLAG -> "bool " + f.name() + ";";
      case COUNTER -> "unsigned " + f.name() + ";";
    };
  }
}
