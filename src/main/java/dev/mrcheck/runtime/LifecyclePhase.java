package dev.mrcheck.runtime;

/**
 * The device lifecycle phases whose memory-API events the analysis replays
 * (docs/lifetime.md#phases).
 */
public enum LifecyclePhase {
  INSTANCE_INIT("instance_init"),
  REALIZE("realize"),
  /** Run-time code between realize and unrealize (MMIO handlers, timers, reconfiguration). */
  RUNTIME("run time"),
  UNREALIZE("unrealize"),
  INSTANCE_FINALIZE("instance_finalize");

  private final String label;

  LifecyclePhase(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
