package dev.mrcheck.selftest;

import dev.mrcheck.selftest.DeviceProgram.Stmt;
import java.util.List;

/**
 * {@code if (s->field) { then... } else { otherwise... }} ({@code !s->field} when {@code negated}):
 * a branch on the device's state, not an error path. Its outcome follows from what the program
 * wrote into the field, or for an {@linkplain StateField.Kind#input input} from a value the model
 * fixes once per execution and explores both ways; so a program whose only branches are guards
 * stays straight-line for the self-test's exactness ({@link DeviceProgram#branching}). Neither body
 * returns early.
 */
public record Guard(StateField field, boolean negated, List<Stmt> then, List<Stmt> otherwise)
    implements Stmt {
  public Guard {
    then = List.copyOf(then);
    otherwise = List.copyOf(otherwise);
  }

  public Guard(StateField field, List<Stmt> then) {
    this(field, false, then, List.of());
  }

  /** Whether the test holds for the field's value (0 is false and NULL). */
  public boolean holds(long value) {
    return (value != 0) != negated;
  }
}
