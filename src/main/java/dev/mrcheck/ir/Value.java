package dev.mrcheck.ir;

import java.util.List;

/** An argument or right-hand side, reduced to what the analysis can use. */
public sealed interface Value {
  /** A location, possibly address-taken ({@code &s->mmio}) or cast ({@code OBJECT(s)}). */
  record Path(AccessPath path) implements Value {
    @Override
    public String toString() {
      return path.toString();
    }
  }

  /** A nested call used as a value, e.g. {@code get_system_memory()} as a container argument. */
  record CallResult(String callee, List<Value> args) implements Value {
    public CallResult {
      args = List.copyOf(args);
    }

    @Override
    public String toString() {
      return callee + "(...)";
    }
  }

  /**
   * {@code NULL}, {@code 0} or {@code (void *)0} where a pointer is expected. {@code text} is how
   * it was spelled: {@code NULL}, or the integer literal ({@code 0}) when written as a number.
   */
  record Null(String text) implements Value {
    public Null() {
      this("NULL");
    }

    /** Every spelling is the same null pointer: only messages and MR009 look at {@code text}. */
    @Override
    public boolean equals(Object o) {
      return o instanceof Null;
    }

    @Override
    public int hashCode() {
      return 0;
    }

    @Override
    public String toString() {
      return "NULL";
    }
  }

  /** A literal: string, number, {@code true}/{@code false}. {@code text} is the source text. */
  record Literal(String text) implements Value {
    @Override
    public String toString() {
      return text;
    }
  }

  /** Anything else (arithmetic, conditionals, ...); {@code text} is for messages only. */
  record Opaque(String text) implements Value {
    @Override
    public String toString() {
      return text;
    }
  }
}
