package dev.mrcheck.bench;

import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanListener;
import dev.mrcheck.scan.ScanProfile;
import dev.mrcheck.scan.ScanResult;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What one timed scan cost: wall and process CPU time, GC, heap. Measured around the call only; the
 * heap starts from a collected baseline so runs are comparable.
 *
 * @param cpuNanos CPU time of the whole process (scan threads, GC, JIT) during the run, or -1
 * @param sampledPeakHeap used heap peak from {@link HeapSampler}
 * @param poolPeakHeap sum of the heap pools' peak usage after resetting them: an upper bound
 */
record RunFigures(
    long wallNanos,
    long cpuNanos,
    long gcMillis,
    long gcCount,
    long baselineHeap,
    long sampledPeakHeap,
    long poolPeakHeap,
    long peakRss,
    ScanResult result,
    ScanProfile profile) {

  /** One scan, telling {@code listener} its profile. */
  interface Scan {
    ScanResult run(ScanListener listener) throws ScanException;
  }

  static RunFigures measure(Scan scan) throws ScanException {
    System.gc();
    long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
    long gcMillisBefore = totalGcMillis();
    long gcCountBefore = totalGcCount();
    long cpuBefore = processCpuNanos();
    ScanResult result;
    long start;
    long end;
    HeapSampler sampler = new HeapSampler();
    ScanProfile[] profile = new ScanProfile[1];
    try {
      start = System.nanoTime();
      result =
          scan.run(
              new ScanListener() {
                @Override
                public void profile(ScanProfile p) {
                  profile[0] = p;
                }
              });
      end = System.nanoTime();
    } finally {
      sampler.close();
    }
    long sampledPeak = sampler.peakBytes();
    long cpuAfter = processCpuNanos();
    long poolPeak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        poolPeak += pool.getPeakUsage().getUsed();
      }
    }
    long cpu = cpuBefore < 0 ? -1 : cpuAfter - cpuBefore;
    return new RunFigures(
        end - start,
        cpu,
        totalGcMillis() - gcMillisBefore,
        totalGcCount() - gcCountBefore,
        baseline,
        sampledPeak,
        poolPeak,
        processPeakRss(),
        result,
        profile[0]);
  }

  /**
   * The process's peak resident set so far (VmHWM in /proc/self/status: heap, metaspace, code,
   * thread stacks, the JVM itself), or -1 where there is no such file.
   */
  static long processPeakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** Cores kept busy on average: process CPU time over wall time. */
  double coresUsed() {
    return cpuNanos < 0 ? -1 : (double) cpuNanos / wallNanos;
  }

  private static long totalGcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  private static long totalGcCount() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionCount());
    }
    return total;
  }

  /** CPU time of the whole process so far, or -1 where the JVM does not tell. */
  static long processCpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return -1;
  }
}
