package dev.mrcheck.runtime;

import dev.mrcheck.ir.SourceLoc;

/** A reference as reported: {@code holder} keeps {@code target} alive because of {@code reason}. */
public record Reference(String holder, String target, String reason, SourceLoc loc) {
  @Override
  public String toString() {
    return holder + " -> " + target + " (" + reason + (loc == null ? "" : ", " + loc) + ")";
  }
}
