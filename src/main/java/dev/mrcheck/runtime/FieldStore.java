package dev.mrcheck.runtime;

import dev.mrcheck.model.GuardValue;
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
  private final Map<String, GuardValue> values = new HashMap<>();
  private final Map<String, String> spelled = new HashMap<>();

  /** The replay reaches a write of {@code value} to {@code subject}. */
  public void write(String subject, GuardValue value) {
    write(subject, subject, value);
  }

  /**
   * The replay reaches a write of {@code value} to the field {@code key}, spelled {@code shown}
   * there.
   */
  public void write(String key, String shown, GuardValue value) {
    values.put(key, value);
    spelled.put(key, shown);
  }

  /**
   * Why {@code subject} cannot hold {@code assumed} here, given what the replay wrote, or empty
   * when it can (or the replay knows nothing of it).
   */
  public Optional<String> contradiction(String subject, GuardValue assumed) {
    GuardValue known = values.get(subject);
    if (known == null || !known.contradicts(assumed)) return Optional.empty();
    String shown = spelled.getOrDefault(subject, subject);
    return Optional.of(shown + " was set to " + known + " earlier on the same path");
  }
}
