package dev.mrcheck.analysis;

import dev.mrcheck.model.Role;
import java.util.List;

/**
 * The state at a teardown point of a device's replay: after instance_init for throw-away instances
 * (their instance_finalize can only run once every reference is gone), and after unrealize for
 * hot-pluggable devices. Whatever self-references still hold there are cycles. {@code
 * finalizeEffects}: the effects instance_finalize met, replayed from that state (for a realize that
 * failed, from the state after realize on every path), each with the state before it.
 */
public record Checkpoint(
    DeviceType device,
    Role after,
    String why,
    RegionState state,
    List<Observation> finalizeEffects) {
  public Checkpoint {
    finalizeEffects = List.copyOf(finalizeEffects);
  }
}
