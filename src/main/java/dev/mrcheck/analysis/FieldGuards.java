package dev.mrcheck.analysis;

import dev.mrcheck.ir.CfgNode;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields a statement is guarded by: {@code if (s->hostmem) { address_space_init(..); }} runs
 * only where {@code hostmem} was tested true on every path. Named by the field alone, so that the
 * same test in realize and in unrealize, spelled through different variables, matches.
 */
final class FieldGuards {
  private final Map<String, Map<Integer, Set<String>>> byFunction = new HashMap<>();

  /** The fields tested true on every path from {@code f}'s entry to node {@code node}. */
  Set<String> at(Function f, int node) {
    return byFunction.computeIfAbsent(f.key(), k -> compute(f)).getOrDefault(node, Set.of());
  }

  private static Map<Integer, Set<String>> compute(Function f) {
    List<CfgNode> nodes = f.cfg().nodes();
    Map<CfgNode, List<CfgNode>> preds = new HashMap<>();
    for (CfgNode n : nodes) {
      for (CfgNode s : n.successors()) preds.computeIfAbsent(s, k -> new ArrayList<>()).add(n);
    }
    // Must-analysis: null is "every field" (not reached yet), the entry starts with none.
    Map<CfgNode, Set<String>> in = new HashMap<>();
    in.put(f.cfg().entry(), Set.of());
    boolean changed = true;
    for (int round = 0; changed && round < 50; round++) {
      changed = false;
      for (CfgNode n : nodes) {
        if (n == f.cfg().entry()) continue;
        Set<String> meet = null;
        for (CfgNode p : preds.getOrDefault(n, List.of())) {
          Set<String> out = out(p, in.get(p));
          if (out == null) continue;
          if (meet == null) meet = new HashSet<>(out);
          else meet.retainAll(out);
        }
        if (meet != null && !meet.equals(in.get(n))) {
          in.put(n, meet);
          changed = true;
        }
      }
    }
    Map<Integer, Set<String>> result = new HashMap<>();
    in.forEach((n, s) -> result.put(n.id(), Set.copyOf(s)));
    return result;
  }

  private static Set<String> out(CfgNode n, Set<String> in) {
    if (in == null) return null;
    if (n.stmt() instanceof Stmt.Assume a
        && a.holds()
        && a.cond() instanceof Value.Path p
        && !p.path().steps().isEmpty()) {
      Set<String> out = new HashSet<>(in);
      out.add(p.path().lastStep());
      return out;
    }
    return in;
  }
}
