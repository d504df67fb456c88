package dev.mrcheck.analysis;

import java.util.List;

/** What the rules read: every replayed API effect with its state, and the teardown checkpoints. */
public record AnalysisResult(
    Semantics semantics, List<DeviceType> devices, List<Observation> observations,
    List<Checkpoint> checkpoints, int relevantFunctions, int runtimeRoots, int truncatedReplays) {
  public AnalysisResult {
    devices = List.copyOf(devices);
    observations = List.copyOf(observations);
    checkpoints = List.copyOf(checkpoints);
  }
}
