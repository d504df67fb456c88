package dev.mrcheck.analysis;

import dev.mrcheck.ir.Function;
import dev.mrcheck.model.Role;

/**
 * The state where a replay root returns: a lifecycle hook ({@code phase} its role) or a run-time
 * root ({@code phase} null, {@code device} null when no device type could be linked). What the
 * function took and still holds there, stored nowhere, is held on some path past its return.
 */
public record RootExit(DeviceType device, Role phase, Function function, RegionState state) {}
