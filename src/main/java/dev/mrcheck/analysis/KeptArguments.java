package dev.mrcheck.analysis;

import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.Value;
import dev.mrcheck.model.ApiModel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which arguments a function whose body the replay does not walk may keep. Such a function (device
 * code that never reaches the memory API) may store a pointer it is given, which then holds any
 * reference inside it; but one whose body only reads through the pointer ({@code return mr->ram;},
 * the static inline helpers of QEMU's memory.h) keeps nothing. Deciding from the body keeps a
 * scan's findings the same whether or not the header that defines such a helper is scanned: a call
 * with no visible body is not taken to keep its arguments either.
 *
 * <p>A parameter is kept when the body assigns or returns the pointer itself (not a field read
 * through it), mentions it bare in an expression the frontend could not reduce, or passes it to a
 * modelled function or to a function with a body that may keep it. Recursion is taken to keep. An
 * answer depends on the function asked about alone, not on what was asked before (replays run in
 * any order on several {@link RegionFlow}s). Not thread-safe: one instance per {@link RegionFlow}.
 */
final class KeptArguments {
  /**
   * Calls inside an unreduced expression are their own statements: their arguments are checked
   * there.
   */
  private static final Pattern CALL_ARGUMENTS = Pattern.compile("\\b\\w+\\s*\\([^()]*\\)");

  private final Program program;
  private final ApiModel model;

  /** Functions whose answer assumed nothing about a caller still being read: the same anywhere. */
  private final Map<String, Set<String>> keptByFunction = new HashMap<>();

  /**
   * Functions on a cycle of calls, as asked first (their answer assumed the recursion keeps): the
   * same whenever they are asked first, whichever replay asks.
   */
  private final Map<String, Set<String>> keptAsAsked = new HashMap<>();

  /**
   * Within one question: the answers that assumed a caller of theirs keeps its arguments. Dropped
   * once it is answered, so that no answer depends on which question came before.
   */
  private final Map<String, Set<String>> provisional = new HashMap<>();

  private final Set<String> inProgress = new HashSet<>();

  /** How often an answer assumed the recursion keeps (or took such an answer). */
  private int assumed;

  KeptArguments(Program program, ApiModel model) {
    this.program = program;
    this.model = model;
  }

  /** Whether {@code callee} may keep its {@code index}th argument (a variadic one always may). */
  boolean mayKeep(Function callee, int index) {
    if (index >= callee.params().size()) return true;
    return kept(callee).contains(callee.params().get(index).name());
  }

  private Set<String> kept(Function f) {
    boolean asked = inProgress.isEmpty();
    Set<String> known = keptByFunction.get(f.key());
    if (known == null && asked) known = keptAsAsked.get(f.key());
    if (known != null) return known;
    known = provisional.get(f.key());
    if (known != null) {
      assumed++;
      return known;
    }
    Set<String> params = new HashSet<>();
    f.params().forEach(p -> params.add(p.name()));
    if (!inProgress.add(f.key())) {
      assumed++;
      return params;
    }
    int before = assumed;
    Set<String> kept = new HashSet<>();
    for (Stmt stmt : f.cfg().statements()) {
      if (stmt instanceof Stmt.Assign a) addBare(a.value(), params, kept);
      else if (stmt instanceof Stmt.Return r && r.value() != null) addBare(r.value(), params, kept);
      else if (stmt instanceof Stmt.Call c) addPassed(f, c, params, kept);
    }
    inProgress.remove(f.key());
    Set<String> out = Set.copyOf(kept);
    if (assumed == before) keptByFunction.put(f.key(), out);
    else if (asked) keptAsAsked.put(f.key(), out);
    else provisional.put(f.key(), out);
    if (asked) provisional.clear();
    return out;
  }

  private void addPassed(Function caller, Stmt.Call c, Set<String> params, Set<String> kept) {
    boolean modelled = model.function(c.callee()).isPresent();
    Function callee = modelled ? null : program.resolve(c.callee(), caller.file());
    List<Value> args = c.args();
    for (int i = 0; i < args.size(); i++) {
      String p = bareParam(args.get(i), params);
      if (p == null) continue;
      if (modelled || callee != null && mayKeep(callee, i)) kept.add(p);
    }
  }

  private static void addBare(Value v, Set<String> params, Set<String> kept) {
    if (v instanceof Value.Path path) {
      String p = bareParam(path, params);
      if (p != null) kept.add(p);
    } else if (v instanceof Value.Opaque o) {
      String text = o.text();
      for (String prev = null; !text.equals(prev); ) {
        prev = text;
        text = CALL_ARGUMENTS.matcher(text).replaceAll("_");
      }
      for (String p : params) {
        // the name itself, not a field of that name (s->mr) nor a read through it (mr->ram)
        if (Pattern.compile("(?<![\\w.>])" + Pattern.quote(p) + "\\b(?!\\s*(?:->|\\.|\\[))")
            .matcher(text)
            .find()) {
          kept.add(p);
        }
      }
    }
  }

  /** The parameter {@code v} is, as a pointer (not a path through it); null if none. */
  private static String bareParam(Value v, Set<String> params) {
    if (v instanceof Value.Path p
        && p.path().steps().isEmpty()
        && params.contains(p.path().root())) {
      return p.path().root();
    }
    return null;
  }
}
