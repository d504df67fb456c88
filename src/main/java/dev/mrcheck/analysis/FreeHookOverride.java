package dev.mrcheck.analysis;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Role;
import java.util.List;

/**
 * {@code OBJECT(mr)->free = fn}: code that gives a MemoryRegion its own free function. Seen during
 * a replay, so {@code region} is the canonical place ({@code self.mmio}: embedded in the device)
 * and {@code before} the state at the assignment.
 */
public record FreeHookOverride(
    Place region,
    String hook,
    SourceLoc loc,
    String function,
    Role phase,
    DeviceType device,
    List<TraceStep> chain,
    RegionState before) {
  public FreeHookOverride {
    chain = List.copyOf(chain);
  }

  public String phaseName() {
    return phase == null ? "run-time code" : phase.modelName();
  }
}
