package dev.mrcheck.analysis;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.CfgNode;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.Value;
import dev.mrcheck.model.GuardValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The values a function gives fields on every path from a statement, as long as the path does not
 * branch: {@code memory_region_ref(mr); s->pinned = true;} writes {@code pinned = true} after the
 * ref, and so does a helper called there that sets it ({@code mark_pinned(s)}), an increment
 * ({@code s->users++}: a counter counted up from zero is nonzero) or the result of the call itself
 * ({@code s->buf = address_space_map(..)}: the mapping the witness claims exists, so the result is
 * not NULL). What a rule records in a witness so that the runtime model can hold a later test of
 * the same field against it. Keyed as {@link PathCondition} keys tests, so that realize's write and
 * unrealize's test match through different variables.
 */
final class ConstantWrites {
  /** Enough for the statements of one block; a longer straight line is cut, never wrong. */
  private static final int REACH = 32;

  /** How deep helpers called on the straight line are entered. */
  private static final int HELPER_DEPTH = 2;

  /** A value the analysis cannot evaluate: of no known truth, so it contradicts every other. */
  private static final GuardValue UNKNOWN = GuardValue.of("?");

  private final Program program;

  /** Per key, per function name: the values that function assigns the key ({@code ?}: unknown). */
  private volatile Map<String, Map<String, Set<GuardValue>>> writers;

  /**
   * {@link #after}'s answers: they depend on the function, the node and the result alone, and the
   * same call is observed on every replay that reaches it.
   */
  private final SharedMemo<Site, List<FieldWrite>> memo = new SharedMemo<>();

  private record Site(String function, int node, AccessPath result) {}

  ConstantWrites(Program program) {
    this.program = program;
  }

  /**
   * The values written after {@code node} of {@code f}, until the first branch; {@code result},
   * when not null, is where the call at {@code node} stored a result the model knows is not NULL.
   */
  List<FieldWrite> after(Function f, int node, AccessPath result) {
    return memo.get(new Site(f.key(), node, result), k -> compute(f, node, result));
  }

  private List<FieldWrite> compute(Function f, int node, AccessPath result) {
    CfgNode n = f.cfg().node(node);
    Map<String, Written> out = new LinkedHashMap<>();
    if (result != null) {
      String key = PathCondition.keyOf(result, f);
      out.put(key, new Written(result.toString(), GuardValue.NON_NULL, f.name()));
    }
    straightLine(f, n, out, HELPER_DEPTH);
    List<FieldWrite> writes = new ArrayList<>();
    out.forEach(
        (key, w) -> writes.add(new FieldWrite(key, w.shown(), w.value(), contradicting(key, w))));
    return List.copyOf(writes);
  }

  private record Written(String shown, GuardValue value, String function) {}

  private void straightLine(Function f, CfgNode n, Map<String, Written> out, int depth) {
    for (int i = 0; n != null && n.successors().size() == 1 && i < REACH; i++) {
      n = n.successors().get(0);
      if (n.stmt() instanceof Stmt.Assign a) {
        String key = PathCondition.keyOf(a.target(), f);
        GuardValue value = value(a.value(), f, out);
        if (value == null) out.remove(key);
        else out.put(key, new Written(a.target().toString(), value, f.name()));
      } else if (n.stmt() instanceof Stmt.Call c) {
        if (c.result() != null) out.remove(PathCondition.keyOf(c.result(), f));
        Function callee = c.through() == null ? program.resolve(c.callee(), f.file()) : null;
        if (callee != null && depth > 0 && callee != f) {
          straightLine(callee, callee.cfg().entry(), out, depth - 1);
        }
      }
    }
  }

  // Compiled once: every function's assignments are read through these (String.matches compiled
  // them anew each time, a tenth of a language-server edit's CPU).
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern ADDS_POSITIVE = Pattern.compile(".*\\+=[1-9][0-9]*[uUlL]*");

  /** What an assigned value is as a guard reads it, or null when the model cannot tell. */
  private static GuardValue value(Value v, Function f, Map<String, Written> known) {
    if (v instanceof Value.Null) return GuardValue.NULL;
    if (v instanceof Value.Literal l) return GuardValue.ofLiteral(l.text());
    if (v instanceof Value.Opaque o && countsUp(o.text())) return GuardValue.NONZERO;
    if (v instanceof Value.Path p) {
      Written w = known.get(PathCondition.keyOf(p.path(), f));
      if (w != null && w.value().equals(GuardValue.NON_NULL)) return GuardValue.NON_NULL;
    }
    return null;
  }

  /** {@code n++}, {@code ++n}, {@code n += 1}: a counter taken up (counters do not wrap). */
  private static boolean countsUp(String text) {
    String t = SPACES.matcher(text).replaceAll("");
    return t.endsWith("++") || t.startsWith("++") || ADDS_POSITIVE.matcher(t).matches();
  }

  /** The other functions that give {@code key} a value of another truth than {@code w}'s. */
  private Set<String> contradicting(String key, Written w) {
    Set<String> out = new HashSet<>();
    writers()
        .getOrDefault(key, Map.of())
        .forEach(
            (fn, values) -> {
              if (fn.equals(w.function())) return;
              for (GuardValue v : values) {
                if (!v.sameTruth(w.value())) out.add(fn);
              }
            });
    return out;
  }

  /** The functions that write {@code key}, whatever the value. */
  Set<String> writersOf(String key) {
    return writers().getOrDefault(key, Map.of()).keySet();
  }

  private Map<String, Map<String, Set<GuardValue>>> writers() {
    Map<String, Map<String, Set<GuardValue>>> known = writers;
    return known != null ? known : allWriters();
  }

  /** Every function's writes, walked once whichever replay thread asks first. */
  private synchronized Map<String, Map<String, Set<GuardValue>>> allWriters() {
    if (writers != null) return writers;
    Map<String, Map<String, Set<GuardValue>>> all = new HashMap<>();
    for (Function f : program.functions()) {
      for (Stmt st : f.cfg().statements()) {
        AccessPath target = null;
        GuardValue value = UNKNOWN;
        if (st instanceof Stmt.Assign a) {
          target = a.target();
          GuardValue v = value(a.value(), f, Map.of());
          if (v != null) value = v;
        } else if (st instanceof Stmt.Call c && c.result() != null) {
          target = c.result();
        }
        if (target == null || target.steps().isEmpty()) continue;
        all.computeIfAbsent(PathCondition.keyOf(target, f), k -> new HashMap<>())
            .computeIfAbsent(f.name(), k -> new HashSet<>())
            .add(value);
      }
    }
    writers = all;
    return all;
  }
}
