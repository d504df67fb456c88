package dev.mrcheck.analysis;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.CfgNode;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields a function assigns on some path from its entry to a node, keyed as {@link
 * PathCondition#keyOf} keys them: a test of such a field reads what the function itself wrote
 * ({@code s->pinned = false; if (s->pinned) ...}), not what an earlier phase left there, so it
 * cannot be held against an earlier phase's write (docs/lifetime.md#correlated-guards).
 */
final class FieldsWrittenBefore {
  private final SharedMemo<String, Map<CfgNode, Set<String>>> byFunction = new SharedMemo<>();

  /** The keys written on some path from {@code f}'s entry up to (not including) {@code n}. */
  Set<String> at(Function f, CfgNode n) {
    return byFunction.get(f.key(), k -> compute(f)).getOrDefault(n, Set.of());
  }

  private static Map<CfgNode, Set<String>> compute(Function f) {
    List<CfgNode> nodes = f.cfg().nodes();
    Map<CfgNode, List<CfgNode>> preds = new HashMap<>();
    for (CfgNode n : nodes) {
      for (CfgNode s : n.successors()) preds.computeIfAbsent(s, k -> new ArrayList<>()).add(n);
    }
    // May-analysis: the union over predecessors; sets only grow, so this ends.
    Map<CfgNode, Set<String>> in = new HashMap<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (CfgNode n : nodes) {
        Set<String> union = new HashSet<>(in.getOrDefault(n, Set.of()));
        for (CfgNode p : preds.getOrDefault(n, List.of())) {
          union.addAll(in.getOrDefault(p, Set.of()));
          String written = written(p.stmt(), f);
          if (written != null) union.add(written);
        }
        if (!union.equals(in.getOrDefault(n, Set.of()))) {
          in.put(n, union);
          changed = true;
        }
      }
    }
    return in;
  }

  /** The field a statement assigns (an assignment, or a call's result stored in it), or null. */
  private static String written(Stmt st, Function f) {
    AccessPath target = null;
    if (st instanceof Stmt.Assign a) target = a.target();
    else if (st instanceof Stmt.Call c) target = c.result();
    if (target == null || target.steps().isEmpty()) return null;
    return PathCondition.keyOf(target, f);
  }
}
