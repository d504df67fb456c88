package dev.mrcheck.analysis;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.Function;

/**
 * A condition every path to a statement passed: {@code key} names what was tested so that the same
 * field matches through different variables ({@code s->pinned} in realize, {@code d->pinned} in a
 * helper: {@code PinState::pinned}, by the struct type of the variable when the function declares
 * it, so that another device's field of the same name is another field; {@code s->sec.mr}: {@code
 * PinState::sec.mr}; a local: the function and its name), null when the condition is not a plain
 * value (a comparison, a call); {@code shown} how the code spells it; {@code holds} which way the
 * branch went ({@code if (!s->buf)} taken: false); {@code inCaller} whether it was tested in a
 * caller on the way into the function (true of the call site the replay came through, not
 * necessarily of every site that calls the function).
 */
public record PathCondition(String key, String shown, boolean holds, boolean inCaller) {
  public PathCondition(String key, String shown, boolean holds) {
    this(key, shown, holds, false);
  }

  /** The same condition, tested in a caller of the function that holds the statement. */
  PathCondition atCaller() {
    return new PathCondition(key, shown, holds, true);
  }

  /** The condition failed: what a path that did not pass it assumed. */
  public PathCondition failed() {
    return new PathCondition(key, shown, !holds, inCaller);
  }

  /** The key of a tested or written location, as {@link #key} describes it. */
  public static String keyOf(AccessPath path, Function in) {
    if (path.steps().isEmpty()) return in.name() + ":" + path.root();
    String fields = String.join(".", path.steps());
    String type = in.localTypes().get(path.root());
    return type == null ? fields : type + "::" + fields;
  }

  /** Whether the analysis can name what was tested (a field, a local), not an expression. */
  public boolean named() {
    return key != null;
  }
}
