package dev.mrcheck.analysis;

import java.util.List;

/**
 * What the rules read: every replayed API effect with its state, the teardown checkpoints, the
 * free-function overrides on regions, and which replayed types are qdev devices.
 */
public record AnalysisResult(
    Semantics semantics, List<DeviceType> devices, List<Observation> observations,
    List<Checkpoint> checkpoints, int relevantFunctions, int runtimeRoots, int truncatedReplays,
    List<FreeHookOverride> freeHooks, java.util.Set<String> qdevDevices) {
  public AnalysisResult {
    devices = List.copyOf(devices);
    observations = List.copyOf(observations);
    checkpoints = List.copyOf(checkpoints);
    freeHooks = List.copyOf(freeHooks);
    qdevDevices = java.util.Set.copyOf(qdevDevices);
  }

  public AnalysisResult(Semantics semantics, List<DeviceType> devices, List<Observation> observations,
      List<Checkpoint> checkpoints, int relevantFunctions, int runtimeRoots, int truncatedReplays) {
    this(semantics, devices, observations, checkpoints, relevantFunctions, runtimeRoots, truncatedReplays, List.of(),
        java.util.Set.of());
  }

  /** Whether a replayed type is a qdev device (not a memory backend, a machine or another plain QOM object). */
  public boolean isQdevDevice(DeviceType d) {
    return d != null && qdevDevices.contains(d.name());
  }
}
