package dev.mrcheck.analysis;

import dev.mrcheck.model.Role;

/**
 * The state at a teardown point of a device's replay: after instance_init for throw-away
 * instances (their instance_finalize can only run once every reference is gone), and after
 * unrealize for hot-pluggable devices. Whatever self-references still hold there are cycles.
 */
public record Checkpoint(DeviceType device, Role after, String why, RegionState state) {}
