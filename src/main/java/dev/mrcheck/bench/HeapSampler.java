package dev.mrcheck.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples used heap on a background thread every {@value #PERIOD_MILLIS} ms and keeps the peak.
 * Unlike the sum of the memory pools' peak usages (each pool peaks at its own moment, so the sum
 * overstates), this is a real moment's figure; it can miss a spike shorter than the period.
 */
final class HeapSampler implements AutoCloseable {
  static final int PERIOD_MILLIS = 10;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peak;

  HeapSampler() {
    sample();
    thread = new Thread(this::loop, "mrcheck-bench-heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      sample();
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    long used = memory.getHeapMemoryUsage().getUsed();
    if (used > peak) {
      peak = used;
    }
  }

  long peakBytes() {
    return peak;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sample();
  }
}
