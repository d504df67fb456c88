package dev.mrcheck.scan;

/**
 * Hears how far a scan is, for a progress display; the scanner itself never prints. Called from
 * parser threads, so implementations must be thread-safe and quick.
 */
public interface ScanListener {
  ScanListener NONE = new ScanListener() {};

  /**
   * A phase starts: "loading the API model", "reading", "parsing", "analysis", "rules",
   * "confirmation".
   */
  default void phase(String name) {}

  /** How many source files the scan found (known once discovery is done). */
  default void filesFound(int total) {}

  /** One more file was read (phase "reading") or parsed (phase "parsing"). */
  default void fileDone() {}

  /** The scan is done: its phase times and work counts (called once, from the scanning thread). */
  default void profile(ScanProfile profile) {}
}
