package dev.mrcheck.progress;

import dev.mrcheck.scan.ScanListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * One self-overwriting line on a terminal's stderr while a scan runs: phase, files done of found,
 * elapsed time. Nothing is drawn for scans that finish within {@link #DELAY_MILLIS}; the line is
 * erased when the scan ends, so the summary line and diagnostics never mix with it.
 */
public final class ProgressLine implements ScanListener, AutoCloseable {
  static final long DELAY_MILLIS = 700;
  private static final long REPAINT_MILLIS = 200;

  private final PrintWriter err;
  private final LongSupplier clock;
  private final long start;
  private final AtomicInteger found = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private volatile String phase = "starting";
  private ScheduledExecutorService repaint;
  private int drawnWidth;
  private boolean closed;

  ProgressLine(PrintWriter err, LongSupplier clock) {
    this.err = err;
    this.clock = clock;
    this.start = clock.getAsLong();
  }

  /** A progress line repainted in the background until {@link #close()}. */
  public static ProgressLine start(PrintWriter err) {
    ProgressLine line = new ProgressLine(err, System::currentTimeMillis);
    line.repaint =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "mrcheck-progress");
              t.setDaemon(true);
              return t;
            });
    line.repaint.scheduleAtFixedRate(
        line::paint, DELAY_MILLIS, REPAINT_MILLIS, TimeUnit.MILLISECONDS);
    return line;
  }

  @Override
  public void phase(String name) {
    phase = name;
    done.set(0);
  }

  @Override
  public void filesFound(int total) {
    found.set(total);
  }

  @Override
  public void fileDone() {
    done.incrementAndGet();
  }

  /** The text of the line now, e.g. {@code mrcheck: parsing 120/4000 files, 3.2 s}. */
  String text() {
    String p = phase;
    StringBuilder b = new StringBuilder("mrcheck: ").append(p);
    if (p.equals("reading") || p.equals("parsing"))
      b.append(' ').append(done.get()).append('/').append(found.get()).append(" files");
    b.append(", ")
        .append(String.format(Locale.ROOT, "%.1f s", (clock.getAsLong() - start) / 1000.0));
    return b.toString();
  }

  synchronized void paint() {
    if (closed) return;
    String t = text();
    err.print("\r" + t + " ".repeat(Math.max(0, drawnWidth - t.length())));
    err.flush();
    drawnWidth = t.length();
  }

  /** Stops repainting and erases the line. */
  @Override
  public synchronized void close() {
    closed = true;
    if (repaint != null) repaint.shutdownNow();
    if (drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      err.flush();
      drawnWidth = 0;
    }
  }
}
