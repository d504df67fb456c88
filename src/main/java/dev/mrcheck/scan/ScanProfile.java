package dev.mrcheck.scan;

import java.util.List;

/**
 * Where one scan's time went and how much work it did, for {@code scan --profile} and {@code
 * bench}. The counts do not depend on the machine's load, so they compare runs on a busy machine
 * where the times cannot. {@code parseRounds} holds the files each relevance round parsed (see
 * Scanner). {@code callbackReplays}: run-time callbacks replayed on the way to the fixpoint of
 * their devices' states; {@code stateBudgetHits}: new states left out for the budget. {@code
 * roundsKept}: the parsed files were the last fixpoint's, found still to hold (the on-disk cache's
 * relevance plan), and parsed in one go; {@code parseRounds} are then that fixpoint's.
 */
public record ScanProfile(
    List<Phase> phases,
    int filesFound,
    int filesRead,
    int filesParsed,
    long linesParsed,
    List<Integer> parseRounds,
    int functions,
    int functionsAnalyzed,
    int replaysRun,
    int callbackReplays,
    int stateBudgetHits,
    int confirmations,
    int findings,
    boolean roundsKept) {
  public ScanProfile {
    phases = List.copyOf(phases);
    parseRounds = List.copyOf(parseRounds);
  }

  /** One phase: wall time, and process CPU time (all threads; -1 when the JVM cannot tell). */
  public record Phase(String name, long wallMillis, long cpuMillis) {
    @Override
    public String toString() {
      return String.format(
          "%-12s %7d ms wall %7s", name, wallMillis, cpuMillis < 0 ? "" : cpuMillis + " ms cpu");
    }
  }

  /** The summary {@code --profile} prints to stderr: one phase a line, then the counts. */
  public String summary() {
    StringBuilder sb = new StringBuilder("mrcheck profile:\n");
    for (Phase p : phases) sb.append("  ").append(p).append('\n');
    sb.append(
        String.format(
            "  files: %d found, %d read, %d parsed (%d lines) in %d relevance rounds %s%s%n",
            filesFound,
            filesRead,
            filesParsed,
            linesParsed,
            parseRounds.size(),
            parseRounds,
            roundsKept ? " (the last scan's, kept: parsed in one go)" : ""));
    sb.append(
        String.format(
            "  functions: %d in the program, %d analyzed (reach the API)%n",
            functions, functionsAnalyzed));
    sb.append(
        String.format(
            "  replays run: %d; confirmations: %d; findings: %d (as the rules made them, before"
                + " suppressions, baseline and filters)%n",
            replaysRun, confirmations, findings));
    sb.append(
        String.format(
            "  run-time callbacks: %d replays to a fixpoint of device states, %d new states over"
                + " the budget%n",
            callbackReplays, stateBudgetHits));
    return sb.toString();
  }
}
