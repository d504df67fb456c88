package dev.mrcheck.analysis;

import dev.mrcheck.ir.SourceLoc;

/** One step of a finding's explanation: a call on the chain, or a replayed lifecycle event. */
public record TraceStep(SourceLoc loc, String message) {}
