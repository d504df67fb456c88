package dev.mrcheck.selftest;

import dev.mrcheck.analysis.RuntimeStates;
import dev.mrcheck.selftest.DeviceProgram.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * The orders in which the model runs a program's run-time callbacks between realize and teardown,
 * bounded as the analysis bounds them. {@link RuntimeStates} replays every callback from every
 * state it reached, starting from the post-realize one; a state is reached by at most {@code
 * MAX_STATES - 1} invocations and a callback is replayed from it once more, and it tears the device
 * down from each state past the first. So the model runs every sequence of {@code 1 .. MAX_STATES -
 * 1} invocations and then tears the device down, and every sequence of {@code MAX_STATES}
 * invocations with the device living on (their last invocation's calls are judged). The analysis
 * keeps up to {@code RuntimeStates.BUDGET} states, every order of two callbacks to that depth, so
 * with one or two callbacks these are exactly its replays.
 */
final class CallbackSequences {
  private CallbackSequences() {}

  /** Invocations after which the device lives on: as many as the analysis replays. */
  static final int MAX_INVOCATIONS = RuntimeStates.MAX_STATES;

  /** A run-time callback of a generated device. */
  enum Callback {
    /** {@code selftest_write}, the MMIO write handler. */
    WRITE("MMIO write handler"),
    /** {@code selftest_read}, the MMIO read handler. */
    READ("MMIO read handler");

    private final String shown;

    Callback(String shown) {
      this.shown = shown;
    }

    String shown() {
      return shown;
    }

    List<Stmt> body(DeviceProgram p) {
      return this == WRITE ? p.runtime() : p.reads();
    }
  }

  /** The callbacks the program has (a body with no statement is no callback). */
  static List<Callback> callbacks(DeviceProgram p) {
    List<Callback> out = new ArrayList<>();
    for (Callback c : Callback.values()) if (!c.body(p).isEmpty()) out.add(c);
    return out;
  }

  /** Every sequence of exactly {@code length} invocations of the program's callbacks. */
  static List<List<Callback>> ofLength(DeviceProgram p, int length) {
    List<List<Callback>> out = new ArrayList<>();
    out.add(List.of());
    List<Callback> callbacks = callbacks(p);
    if (callbacks.isEmpty()) return length == 0 ? out : List.of();
    for (int i = 0; i < length; i++) {
      List<List<Callback>> longer = new ArrayList<>();
      for (List<Callback> seq : out) {
        for (Callback c : callbacks) {
          List<Callback> next = new ArrayList<>(seq);
          next.add(c);
          longer.add(List.copyOf(next));
        }
      }
      out = longer;
    }
    return out;
  }
}
