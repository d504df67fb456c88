package dev.mrcheck.scan;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * With MRCHECK_TIMING=1, prints how long each scan phase took to stderr: wall time, and the CPU
 * time of the scanning thread (which a loaded machine does not inflate; parser threads not
 * counted); for profiling, never in reports.
 */
final class PhaseTimer {
  private static final boolean ON = System.getenv("MRCHECK_TIMING") != null;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static long last;
  private static long lastCpu;
  private static long scanStart;
  private static long scanStartCpu;

  private PhaseTimer() {}

  static void start() {
    last = System.nanoTime();
    lastCpu = cpu();
    scanStart = last;
    scanStartCpu = lastCpu;
  }

  static void note(String text) {
    if (ON) System.err.println("mrcheck: " + text);
  }

  static void mark(String phase) {
    if (!ON) return;
    long now = System.nanoTime();
    long cpu = cpu();
    System.err.printf("mrcheck: %-12s %6d ms (cpu %d ms)%n", phase, (now - last) / 1_000_000, (cpu - lastCpu) / 1_000_000);
    last = now;
    lastCpu = cpu;
  }

  /** The whole scan so far. */
  static void total() {
    if (!ON) return;
    System.err.printf("mrcheck: %-12s %6d ms (cpu %d ms)%n", "total", (System.nanoTime() - scanStart) / 1_000_000,
        (cpu() - scanStartCpu) / 1_000_000);
  }

  private static long cpu() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
  }
}
