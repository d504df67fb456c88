package dev.mrcheck.selftest;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The values of the device's state fields in one execution ({@link Execution}): the instance is
 * zeroed, so a flag or counter starts at 0; an input (a property, the backend link) is decided the
 * first time a guard reads it, by the execution's next branch decision, so that the model explores
 * both values, and it keeps that value for the rest of the execution (the user set it once).
 */
final class FieldValues {
  private final Map<StateField, Long> values = new HashMap<>();

  long value(StateField f, BooleanSupplier decide) {
    Long v = values.get(f);
    if (v == null) {
      v = f.kind().input() && decide.getAsBoolean() ? 1L : 0L;
      values.put(f, v);
    }
    return v;
  }

  void write(StateFieldWrite w) {
    values.put(w.field(), w.apply(values.getOrDefault(w.field(), 0L)));
  }
}
