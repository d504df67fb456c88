package dev.mrcheck.runtime;

import dev.mrcheck.ir.SourceLoc;

/**
 * One line of the model's trace; {@code loc} is the replayed source event, or null for model steps.
 */
public record TraceEntry(SourceLoc loc, String message) {
  @Override
  public String toString() {
    return (loc == null ? "" : loc + ": ") + message;
  }
}
