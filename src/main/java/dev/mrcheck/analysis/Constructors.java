package dev.mrcheck.analysis;

import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Factories of QOM objects: a function that makes an object with {@code object_new(TYPE_X)} (in
 * Java {@code new X()}) and then sets it up, typically initializing regions owned by the new
 * object. What it does to the new object belongs to that object's lifecycle, between instance_init
 * and the last {@code object_unref} that finalizes it (docs/lifetime.md#phases), whether the type
 * is a device or a plain QOM object. Only factories that reach the memory API count: the rest
 * cannot change what the rules see.
 */
final class Constructors {
  /** A factory and the call in it that makes the object. */
  record Constructor(Function function, SourceLoc site) {}

  private static final Set<String> MAKERS = Set.of("object_new", "object_new_with_props");

  private final Map<String, List<Constructor>> byType = new HashMap<>();

  Constructors(Program program, CallGraph callGraph) {
    for (Function f : program.functions()) {
      if (!callGraph.worthFollowing(f.key())) continue;
      for (Stmt s : f.cfg().statements()) {
        if (!(s instanceof Stmt.Call c)
            || c.args().isEmpty()
            || c.result() == null
            || !c.result().steps().isEmpty()) continue;
        String type = madeType(program, c);
        if (type == null || !program.types().containsKey(type)) continue;
        List<Constructor> list = byType.computeIfAbsent(type, k -> new ArrayList<>());
        if (list.stream().noneMatch(k -> k.function().equals(f)))
          list.add(new Constructor(f, c.loc()));
      }
    }
    for (List<Constructor> list : byType.values())
      list.sort((a, b) -> a.function().key().compareTo(b.function().key()));
  }

  /** The factories that make {@code type}, in a stable order. */
  List<Constructor> of(String type) {
    return byType.getOrDefault(type, List.of());
  }

  /**
   * The type {@code c} makes a new object of: {@code object_new(TYPE_X)} in C, {@code new X()} in
   * Java (a call of {@code X.<init>}); null for any other call.
   */
  private static String madeType(Program program, Stmt.Call c) {
    if (MAKERS.contains(c.callee())) return program.canonicalTypeName(typeName(c.args().get(0)));
    int init = c.callee().indexOf(JAVA_CONSTRUCTOR);
    return init > 0 ? c.callee().substring(0, init) : null;
  }

  /** How the Java frontend names a constructor's call: {@code X.<init>}. */
  private static final String JAVA_CONSTRUCTOR = ".<init>";

  private static String typeName(Value v) {
    if (v instanceof Value.Path p && p.path().steps().isEmpty()) return p.path().root();
    if (v instanceof Value.Literal l) return l.text();
    if (v instanceof Value.Opaque o) return o.text();
    return null;
  }
}
