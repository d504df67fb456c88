package dev.mrcheck.bench;

import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanResult;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.OperatingSystemMXBean;

/**
 * What one timed scan cost: wall and process CPU time, GC, heap. Measured around the call only;
 * the heap starts from a collected baseline so runs are comparable.
 *
 * @param cpuNanos CPU time of the whole process (scan threads, GC, JIT) during the run, or -1
 * @param sampledPeakHeap used heap peak from {@link HeapSampler}
 * @param poolPeakHeap sum of the heap pools' peak usage after resetting them: an upper bound
 */
record RunFigures(
    long wallNanos, long cpuNanos, long gcMillis, long gcCount, long baselineHeap,
    long sampledPeakHeap, long poolPeakHeap, ScanResult result) {

  interface Scan {
    ScanResult run() throws ScanException;
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
    try {
      start = System.nanoTime();
      result = scan.run();
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
    return new RunFigures(end - start, cpu, totalGcMillis() - gcMillisBefore,
        totalGcCount() - gcCountBefore, baseline, sampledPeak, poolPeak, result);
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
