package dev.mrcheck.selftest;

import dev.mrcheck.selftest.DeviceProgram.Stmt;

/**
 * A write of a {@link StateField}: {@code s->f = true;}, {@code = false;}, {@code ++}, {@code --}.
 */
public record StateFieldWrite(StateField field, Write write) implements Stmt {
  public enum Write {
    SET,
    CLEAR,
    INCREMENT,
    DECREMENT
  }

  /** The field's value after the write. */
  public long apply(long value) {
    return switch (write) {
      case SET -> 1;
      case CLEAR -> 0;
      case INCREMENT -> value + 1;
      case DECREMENT -> value - 1;
    };
  }

  /** The statement in C. */
  public String c() {
    String f = "s->" + field.name();
    return switch (write) {
      case SET -> f + " = true;";
      case CLEAR -> f + " = " + (field.kind() == StateField.Kind.COUNTER ? "0;" : "false;");
      case INCREMENT -> f + "++;";
      case DECREMENT -> f + "--;";
    };
  }
}
