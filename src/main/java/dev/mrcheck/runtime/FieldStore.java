package dev.mrcheck.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The values the replay itself gave the device's fields (and the results of the model's own calls),
 * so that a condition a witness' path relies on can be checked against them. Only a value the
 * replay wrote can refute: a field it never set may hold anything (another callback, a property,
 * the migration stream may have written it), so a condition on it is assumed satisfiable.
 */
public final class FieldStore {
  /** A value with no truth known to the model: an enumerator, an expression. */
  private enum Truth {
    TRUE,
    FALSE,
    UNKNOWN
  }

  private final Map<String, String> values = new HashMap<>();
  private final Map<String, String> spelled = new HashMap<>();

  /** The replay reaches a write of {@code value} to {@code subject}. */
  public void write(String subject, String value) {
    write(subject, subject, value);
  }

  /**
   * The replay reaches a write of {@code value} to the field {@code key}, spelled {@code shown}
   * there.
   */
  public void write(String key, String shown, String value) {
    values.put(key, value);
    spelled.put(key, shown);
  }

  /**
   * Why {@code subject} cannot hold {@code assumed} here, given what the replay wrote, or empty
   * when it can (or the replay knows nothing of it).
   */
  public Optional<String> contradiction(String subject, String assumed) {
    String known = values.get(subject);
    if (known == null || known.equals(assumed)) return Optional.empty();
    Truth want = truth(assumed);
    Truth have = truth(known);
    boolean bothConstants = isNumber(known) && isNumber(assumed);
    boolean contradicts =
        bothConstants || want != Truth.UNKNOWN && have != Truth.UNKNOWN && want != have;
    if (!contradicts) return Optional.empty();
    String shown = spelled.getOrDefault(subject, subject);
    return Optional.of(shown + " was set to " + known + " earlier on the same path");
  }

  private static Truth truth(String v) {
    return switch (v) {
      case "true", "non-NULL", "nonzero" -> Truth.TRUE;
      case "false", "NULL", "0" -> Truth.FALSE;
      default -> isNumber(v) ? Truth.TRUE : Truth.UNKNOWN;
    };
  }

  private static boolean isNumber(String v) {
    return v.matches("-?(0x[0-9a-fA-F]+|[0-9]+)[uUlL]*");
  }
}
