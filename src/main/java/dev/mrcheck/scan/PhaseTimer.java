package dev.mrcheck.scan;

/** With MRCHECK_TIMING=1, prints how long each scan phase took to stderr; for profiling, never in reports. */
final class PhaseTimer {
  private static final boolean ON = System.getenv("MRCHECK_TIMING") != null;
  private static long last;

  private PhaseTimer() {}

  static void start() {
    last = System.nanoTime();
  }

  static void note(String text) {
    if (ON) System.err.println("mrcheck: " + text);
  }

  static void mark(String phase) {
    if (!ON) return;
    long now = System.nanoTime();
    System.err.printf("mrcheck: %-12s %6d ms%n", phase, (now - last) / 1_000_000);
    last = now;
  }
}
