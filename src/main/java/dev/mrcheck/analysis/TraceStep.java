package dev.mrcheck.analysis;

import dev.mrcheck.ir.SourceLoc;

/**
 * One step of a finding's explanation: a call on the chain, or a replayed lifecycle event. {@code
 * invocations}: the step names the run-time callbacks that ran before the replay it starts (see
 * {@link RuntimeStates}), which the runtime model's replay repeats.
 */
public record TraceStep(SourceLoc loc, String message, boolean invocations) {
  public TraceStep(SourceLoc loc, String message) {
    this(loc, message, false);
  }
}
