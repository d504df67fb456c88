package dev.mrcheck.analysis;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.Value;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tests of the device's own QOM type: {@code if (object_dynamic_cast(OBJECT(dev), TYPE_FOO))}, or
 * the cast's result kept in a local or a field and tested for NULL. An object's type is fixed when
 * it is created (docs/lifetime.md#phases), so such a test has one outcome in realize, in every
 * callback and in unrealize: the replay treats it as a field of the device nobody writes, whose
 * value the first test establishes and the later ones must agree with. A cast of any other object
 * is no such fact (a link may point elsewhere by the next phase).
 */
final class TypeTests {
  private static final String CAST = "object_dynamic_cast";

  private final ConstantWrites writes;

  /** Per function: the locals and fields it assigns a cast exactly once, by their spelling. */
  private final SharedMemo<String, Map<String, Value.CallResult>> holders = new SharedMemo<>();

  TypeTests(ConstantWrites writes) {
    this.writes = writes;
  }

  /** A place of the device's facts that stands for "the device is a {@code type}". */
  static String fieldOf(String type) {
    return Place.SELF + "<is " + type + ">";
  }

  /**
   * The device type {@code cond} tests in {@code f}, as {@link #fieldOf} names it, or null when it
   * tests something else; {@code places} resolves a value to what it names here.
   */
  String tested(Value cond, Function f, java.util.function.Function<Value, Place> places) {
    Value.CallResult cast = null;
    if (cond instanceof Value.CallResult c) cast = c;
    else if (cond instanceof Value.Path p) cast = holders(f).get(p.path().toString());
    if (cast == null || !cast.callee().equals(CAST) || cast.args().size() != 2) return null;
    Place object = places.apply(cast.args().get(0));
    return object.id().equals(Place.SELF) ? fieldOf(cast.args().get(1).toString()) : null;
  }

  private Map<String, Value.CallResult> holders(Function f) {
    return holders.get(f.key(), k -> findHolders(f));
  }

  /**
   * Locals and fields {@code f} assigns only once, from a cast, when no other function writes them:
   * then every test of them reads that cast's result.
   */
  private Map<String, Value.CallResult> findHolders(Function f) {
    Map<String, Integer> assigned = new HashMap<>();
    Map<String, Value.CallResult> casts = new HashMap<>();
    for (Stmt st : f.cfg().statements()) {
      AccessPath target = null;
      if (st instanceof Stmt.Assign a) target = a.target();
      else if (st instanceof Stmt.Call c) target = c.result();
      if (target == null) continue;
      assigned.merge(target.toString(), 1, Integer::sum);
      if (st instanceof Stmt.Call c && c.callee().equals(CAST))
        casts.put(target.toString(), new Value.CallResult(c.callee(), c.args()));
    }
    if (casts.isEmpty()) return Map.of();
    Map<String, Value.CallResult> out = new HashMap<>();
    for (Stmt st : f.cfg().statements()) {
      if (!(st instanceof Stmt.Call c) || c.result() == null) continue;
      String text = c.result().toString();
      if (!casts.containsKey(text) || assigned.get(text) != 1) continue;
      if (!c.result().steps().isEmpty()
          && !Set.of(f.name()).containsAll(writes.writersOf(PathCondition.keyOf(c.result(), f))))
        continue;
      out.put(text, casts.get(text));
    }
    return Map.copyOf(out);
  }
}
