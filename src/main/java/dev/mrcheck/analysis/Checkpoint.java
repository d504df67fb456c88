package dev.mrcheck.analysis;

import dev.mrcheck.model.Role;

/**
 * The state at a teardown point of a device's replay: after instance_init for throw-away
 * instances (their instance_finalize can only run once every reference is gone), and after
 * unrealize for hot-pluggable devices. Whatever self-references still hold there are cycles.
 * {@code afterFinalize}: where instance_finalize, replayed from that state, leaves the device (for a
 * realize that failed, from the state after realize on every path): what it gives back is gone there.
 */
public record Checkpoint(DeviceType device, Role after, String why, RegionState state, RegionState afterFinalize) {}
