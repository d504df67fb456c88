package dev.mrcheck.scan;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Times one scan's phases: wall time, and the CPU time of the whole process (all threads: parser
 * threads and the analysis' parallel streams included), which a loaded machine inflates less than
 * wall time. The phases go into the scan's {@link ScanProfile}; with MRCHECK_TIMING=1 each is also
 * printed to stderr as it ends. For profiling, never in reports.
 */
final class PhaseTimer {
  private static final boolean PRINT = System.getenv("MRCHECK_TIMING") != null;

  private final List<ScanProfile.Phase> phases = new ArrayList<>();
  private final long scanStart = System.nanoTime();
  private final long scanStartCpu = cpuNanos();
  private long last = scanStart;
  private long lastCpu = scanStartCpu;

  void note(String text) {
    if (PRINT) System.err.println("mrcheck: " + text);
  }

  void mark(String phase) {
    long now = System.nanoTime();
    long cpu = cpuNanos();
    ScanProfile.Phase p =
        new ScanProfile.Phase(
            phase, (now - last) / 1_000_000, cpu < 0 ? -1 : (cpu - lastCpu) / 1_000_000);
    phases.add(p);
    if (PRINT) System.err.println("mrcheck: " + p);
    last = now;
    lastCpu = cpu;
  }

  /** The phases so far, and the whole scan so far as the last, named "total". */
  List<ScanProfile.Phase> phases() {
    List<ScanProfile.Phase> out = new ArrayList<>(phases);
    long cpu = cpuNanos();
    ScanProfile.Phase total =
        new ScanProfile.Phase(
            "total",
            (System.nanoTime() - scanStart) / 1_000_000,
            cpu < 0 ? -1 : (cpu - scanStartCpu) / 1_000_000);
    if (PRINT) System.err.println("mrcheck: " + total);
    out.add(total);
    return out;
  }

  /** CPU time of the whole process in nanoseconds, or -1 where the JVM cannot tell. */
  private static long cpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      long t = sun.getProcessCpuTime();
      if (t >= 0) return t;
    }
    return -1;
  }
}
