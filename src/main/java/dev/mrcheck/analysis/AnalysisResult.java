package dev.mrcheck.analysis;

import java.util.List;

/**
 * What the rules read: every replayed API effect with its state, the teardown checkpoints, and the
 * state where each replay root returns.
 */
public record AnalysisResult(
    Semantics semantics, List<DeviceType> devices, List<Observation> observations,
    List<Checkpoint> checkpoints, List<RootExit> exits, int relevantFunctions, int runtimeRoots,
    int truncatedReplays) {
  public AnalysisResult {
    devices = List.copyOf(devices);
    observations = List.copyOf(observations);
    checkpoints = List.copyOf(checkpoints);
    exits = List.copyOf(exits);
  }
}
