package dev.mrcheck.analysis;

import dev.mrcheck.model.Semantics;
import java.util.List;
import java.util.Set;

/**
 * What the rules read: every replayed API effect with its state, the teardown checkpoints, the
 * state where each replay root returns, the free-function overrides on regions, and which replayed
 * types are qdev devices, and which regions die with a device's instance storage. {@code
 * runtimeStates}: how much the replay of run-time code to a fixpoint cost.
 */
public record AnalysisResult(
    Semantics semantics,
    List<DeviceType> devices,
    List<Observation> observations,
    List<Checkpoint> checkpoints,
    List<RootExit> exits,
    int relevantFunctions,
    int runtimeRoots,
    int truncatedReplays,
    RuntimeStates.Counts runtimeStates,
    List<FreeHookOverride> freeHooks,
    Set<String> qdevDevices,
    InstanceStorage instanceStorage) {
  public AnalysisResult {
    devices = List.copyOf(devices);
    observations = List.copyOf(observations);
    checkpoints = List.copyOf(checkpoints);
    exits = List.copyOf(exits);
    freeHooks = List.copyOf(freeHooks);
    qdevDevices = Set.copyOf(qdevDevices);
  }

  public AnalysisResult(
      Semantics semantics,
      List<DeviceType> devices,
      List<Observation> observations,
      List<Checkpoint> checkpoints,
      List<RootExit> exits,
      int relevantFunctions,
      int runtimeRoots,
      int truncatedReplays) {
    this(
        semantics,
        devices,
        observations,
        checkpoints,
        exits,
        relevantFunctions,
        runtimeRoots,
        truncatedReplays,
        RuntimeStates.Counts.NONE,
        List.of(),
        Set.of(),
        InstanceStorage.none());
  }

  /**
   * Whether a replayed type is a qdev device (not a memory backend, a machine or another plain QOM
   * object).
   */
  public boolean isQdevDevice(DeviceType d) {
    return d != null && qdevDevices.contains(d.name());
  }
}
