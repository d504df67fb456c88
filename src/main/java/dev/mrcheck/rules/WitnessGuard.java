package dev.mrcheck.rules;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.GuardValue;
import dev.mrcheck.model.Role;
import java.util.List;

/**
 * A condition the witness' path relies on, or a value the path gives: {@code subject} is a field as
 * the code spells it ({@code s->flag}, {@code s->buf}) or the result of a call of the model's own
 * API ({@code s->sec->mr} after a {@code memory_region_find}); {@code value} what the path wrote
 * there or assumed of it ({@code true}, {@code false}, {@code NULL}, {@code non-NULL}, {@code
 * nonzero}, a constant); {@code key} what the runtime model matches writes and tests by, so that
 * {@code s->pinned} in realize and {@code d->pinned} in a helper are one field ({@code pinned}).
 * The runtime model replays them in lifecycle order beside the steps and refutes a witness whose
 * assumption contradicts a value the path itself wrote earlier. {@code phase} null means run-time
 * code. An assumption with {@code orElse} holds when it or any of those does: the path failed one
 * of several tests ({@code if (s->a && s->pinned)} skipped), and only contradicting every one
 * refutes it.
 */
public record WitnessGuard(
    Role phase,
    Kind kind,
    String subject,
    GuardValue value,
    SourceLoc loc,
    String key,
    List<WitnessGuard> orElse) {
  /** Whether the path writes the value or branches on it. */
  public enum Kind {
    /** {@code s->flag = true;} on the path. */
    WRITES,
    /** {@code if (s->flag)} taken (or not: the value is then {@code false}) on the path. */
    ASSUMES
  }

  public WitnessGuard {
    if (key == null) key = subject;
    orElse = orElse == null ? List.of() : List.copyOf(orElse);
  }

  public WitnessGuard(
      Role phase, Kind kind, String subject, GuardValue value, SourceLoc loc, String key) {
    this(phase, kind, subject, value, loc, key, List.of());
  }

  /** The path assumes {@code subject} (its own key) holds {@code value} at {@code loc}. */
  public static WitnessGuard assumes(Role phase, String subject, GuardValue value, SourceLoc loc) {
    return new WitnessGuard(phase, Kind.ASSUMES, subject, value, loc, subject);
  }

  /** The path writes {@code value} to {@code subject} (its own key) at {@code loc}. */
  public static WitnessGuard writes(Role phase, String subject, GuardValue value, SourceLoc loc) {
    return new WitnessGuard(phase, Kind.WRITES, subject, value, loc, subject);
  }

  /** How the guard reads in a verdict: "realize assumes s->flag is false (dev.c:12)". */
  public String describe() {
    String where = phase == null ? "run-time code" : phase.modelName();
    String what =
        kind == Kind.WRITES
            ? where + " sets " + subject + " = " + value
            : where + " assumes " + alternatives();
    return loc == null ? what : what + " (" + loc.file() + ":" + loc.line() + ")";
  }

  private String alternatives() {
    StringBuilder b = new StringBuilder(subject + " is " + value);
    for (WitnessGuard g : orElse)
      b.append(" or ").append(g.subject()).append(" is ").append(g.value());
    return b.toString();
  }
}
