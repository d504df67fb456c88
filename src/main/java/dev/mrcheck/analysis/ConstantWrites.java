package dev.mrcheck.analysis;

import dev.mrcheck.ir.CfgNode;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The constants a function writes to fields on every path from a statement, as long as the path
 * does not branch: {@code memory_region_ref(mr); s->pinned = true;} writes {@code pinned = true}
 * after the ref. What a rule records in a witness so that the runtime model can hold a later test
 * of the same field against it. Keyed by the field alone, as {@link FieldGuards#testedTrue} names
 * its tests, so that realize's write and unrealize's test match through different variables.
 */
final class ConstantWrites {
  /** Enough for the statements of one block; a longer straight line is cut, never wrong. */
  private static final int REACH = 32;

  private ConstantWrites() {}

  /** The constants written after {@code node} of {@code f}, until the first branch. */
  static List<FieldWrite> after(Function f, int node) {
    CfgNode n = f.cfg().nodes().stream().filter(c -> c.id() == node).findFirst().orElse(null);
    Map<String, FieldWrite> out = new LinkedHashMap<>();
    for (int i = 0; n != null && n.successors().size() == 1 && i < REACH; i++) {
      n = n.successors().get(0);
      if (n.stmt() instanceof Stmt.Assign a && !a.target().steps().isEmpty()) {
        String value = constant(a.value());
        if (value == null) out.remove(a.target().lastStep());
        else
          out.put(
              a.target().lastStep(),
              new FieldWrite(a.target().lastStep(), a.target().toString(), value));
      }
    }
    return List.copyOf(new ArrayList<>(out.values()));
  }

  private static String constant(Value v) {
    if (v instanceof Value.Null) return "NULL";
    if (v instanceof Value.Literal l && l.text().matches("true|false|-?[0-9]+|0x[0-9a-fA-F]+"))
      return l.text();
    return null;
  }
}
