package dev.mrcheck.analysis;

import dev.mrcheck.ir.AccessPath;
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
 * What the conditions on every path to a statement established, as a must-analysis over the
 * function's control-flow graph. Three instances: {@link #testedTrue()}, the fields a statement is
 * guarded by ({@code if (s->hostmem) { address_space_init(..); }}), named by the field alone so
 * that the same test in realize and in unrealize, spelled through different variables, matches;
 * {@link #blankMembersOf()}, the objects one of whose members was tested null or zero ({@code if
 * (!lmmio->name)}), as access paths; {@link #pathConditions()}, every condition with its outcome,
 * for the witnesses' guards.
 *
 * @param <T> what one condition establishes
 */
final class FieldGuards<T> {
  /** What an {@code Assume} of function {@code f} establishes, or null for nothing. */
  private interface Reading<T> {
    T of(Stmt.Assume a, Function f, CfgNode at);
  }

  /** What an {@code Assume} on a non-empty access path establishes, or null for nothing. */
  private interface FieldReading<T> {
    T of(AccessPath tested, boolean holds);
  }

  private static <T> Reading<T> onFields(FieldReading<T> r) {
    return (a, f, at) ->
        a.cond() instanceof Value.Path p && !p.path().steps().isEmpty()
            ? r.of(p.path(), a.holds())
            : null;
  }

  private final Reading<T> reading;
  private final SharedMemo<String, Map<Integer, Set<T>>> byFunction = new SharedMemo<>();

  private FieldGuards(Reading<T> reading) {
    this.reading = reading;
  }

  static FieldGuards<String> testedTrue() {
    return new FieldGuards<>(onFields((path, holds) -> holds ? path.lastStep() : null));
  }

  /**
   * Every condition on every path to a statement, named or not: what a witness through the
   * statement assumes, and how many conditions guard it.
   */
  static FieldGuards<PathCondition> pathConditions() {
    FieldsWrittenBefore written = new FieldsWrittenBefore();
    return new FieldGuards<>(
        (a, f, at) -> {
          if (!(a.cond() instanceof Value.Path p))
            return new PathCondition(null, a.cond().toString(), a.holds());
          String key = PathCondition.keyOf(p.path(), f);
          // A test of what the function itself wrote before it is not about an earlier phase's
          // write: left unnamed, so no witness pairs it with one
          // (docs/lifetime.md#correlated-guards).
          if (written.at(f, at).contains(key))
            return new PathCondition(null, p.toString(), a.holds());
          return new PathCondition(key, p.toString(), a.holds());
        });
  }

  /** Every test on every path to a statement, as written: what a subregion walk's guard selects. */
  static FieldGuards<Stmt.Assume> assumptions() {
    return new FieldGuards<>((a, f, at) -> a);
  }

  /**
   * The object a member of which is null or zero: a MemoryRegion is all zeroes until its init, so
   * {@code if (!mr->name)} asks "not made yet".
   */
  static FieldGuards<AccessPath> blankMembersOf() {
    return new FieldGuards<>(
        onFields(
            (path, holds) ->
                holds
                    ? null
                    : new AccessPath(
                        path.kind(),
                        path.root(),
                        path.steps().subList(0, path.steps().size() - 1))));
  }

  /** What holds on every path from {@code f}'s entry to node {@code node}. */
  Set<T> at(Function f, int node) {
    return byFunction.get(f.key(), k -> compute(f)).getOrDefault(node, Set.of());
  }

  private Map<Integer, Set<T>> compute(Function f) {
    List<CfgNode> nodes = f.cfg().nodes();
    Map<CfgNode, List<CfgNode>> preds = new HashMap<>();
    for (CfgNode n : nodes) {
      for (CfgNode s : n.successors()) preds.computeIfAbsent(s, k -> new ArrayList<>()).add(n);
    }
    // Must-analysis: null is "everything" (not reached yet), the entry starts with nothing.
    Map<CfgNode, Set<T>> in = new HashMap<>();
    in.put(f.cfg().entry(), Set.of());
    boolean changed = true;
    for (int round = 0; changed && round < 50; round++) {
      changed = false;
      for (CfgNode n : nodes) {
        if (n == f.cfg().entry()) continue;
        Set<T> meet = null;
        for (CfgNode p : preds.getOrDefault(n, List.of())) {
          Set<T> out = out(f, p, in.get(p));
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
    Map<Integer, Set<T>> result = new HashMap<>();
    in.forEach((n, s) -> result.put(n.id(), Set.copyOf(s)));
    return result;
  }

  private Set<T> out(Function f, CfgNode n, Set<T> in) {
    if (in == null) return null;
    if (n.stmt() instanceof Stmt.Assume a) {
      T fact = reading.of(a, f, n);
      if (fact == null) return in;
      Set<T> out = new HashSet<>(in);
      out.add(fact);
      return out;
    }
    return in;
  }
}
