package dev.mrcheck.runtime;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Operation;

/**
 * One replayed memory-API call of a device's lifecycle function. Its operation names regions,
 * address spaces and mappings by the access path the analysis resolved ({@code s->mmio}, {@code
 * system_memory}); an init's non-null owner is the replayed device. {@code description} is the call
 * as written, for the trace.
 */
public record MemoryEvent(SourceLoc loc, String description, Operation<String> operation) {}
