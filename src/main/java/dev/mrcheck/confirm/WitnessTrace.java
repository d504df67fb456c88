package dev.mrcheck.confirm;

import dev.mrcheck.runtime.Outcome;
import dev.mrcheck.runtime.TraceEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a replay worth showing under a diagnostic. The full trace also sets up the machine
 * and narrates every reference of every object; the witness trace keeps the replayed calls and what
 * they did, the lifecycle phases, the device's own reference changes, and the outcomes.
 */
final class WitnessTrace {
  private static final String REPLAY = "replay: ";

  /** How the callbacks that ran before a run-time step are introduced. */
  static final String SEQUENCE = "run-time callbacks: ";

  private WitnessTrace() {}

  static List<TraceEntry> of(List<TraceEntry> full, String device, Outcome confirming) {
    List<TraceEntry> out = new ArrayList<>();
    boolean started = false;
    String pendingPhase = null;
    for (TraceEntry e : full) {
      String m = e.message();
      if (m.startsWith("== ")) {
        started = true;
        pendingPhase = m.substring(3, m.length() - (m.endsWith(" ==") ? 3 : 0));
        continue;
      }
      if (m.startsWith("assumption: ") || m.startsWith(SEQUENCE)) {
        out.add(e);
        continue;
      }
      if (!started || !shown(e, device)) continue;
      if (pendingPhase != null) {
        out.add(new TraceEntry(null, pendingPhase));
        pendingPhase = null;
      }
      out.add(m.startsWith(REPLAY) ? new TraceEntry(e.loc(), m.substring(REPLAY.length())) : e);
    }
    if (confirming != null
        && out.stream().noneMatch(e -> e.message().endsWith(confirming.message()))) {
      out.add(new TraceEntry(confirming.loc(), confirming.message()));
    }
    return out;
  }

  /** Replayed calls and their effects (they carry a location), outcomes, and the device's fate. */
  private static boolean shown(TraceEntry e, String device) {
    String m = e.message();
    if (echoesItsCall(m)) return false;
    if (e.loc() != null) return true;
    if (isOutcome(m)) return true;
    return m.startsWith(device + " ") || m.startsWith("RCU: ");
  }

  /** Model lines that only restate the replayed call just above them. */
  private static boolean echoesItsCall(String m) {
    return m.contains(" initialized as ")
        || m.contains(" refcount 0 -> 1 (child property of ")
        || m.endsWith(" instance_finalize runs")
        || m.endsWith("(child property of /machine)");
  }

  private static boolean isOutcome(String message) {
    for (Class<?> c : Outcome.class.getPermittedSubclasses()) {
      if (message.startsWith(c.getSimpleName() + ": ")) return true;
    }
    return false;
  }
}
