package dev.mrcheck.runtime;

import dev.mrcheck.ir.SourceLoc;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The trace and the outcomes, in the order they happened. An outcome is also a trace line. */
final class Journal {
  private final List<TraceEntry> trace = new ArrayList<>();
  private final List<Outcome> outcomes = new ArrayList<>();

  void note(SourceLoc loc, String message) {
    trace.add(new TraceEntry(loc, message));
  }

  void report(Outcome outcome) {
    outcomes.add(outcome);
    trace.add(
        new TraceEntry(
            outcome.loc(), outcome.getClass().getSimpleName() + ": " + outcome.message()));
  }

  List<TraceEntry> trace() {
    return Collections.unmodifiableList(trace);
  }

  List<Outcome> outcomes() {
    return Collections.unmodifiableList(outcomes);
  }
}
