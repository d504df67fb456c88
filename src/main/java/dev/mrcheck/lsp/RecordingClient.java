package dev.mrcheck.lsp;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The client side of {@link LspBenchmark}: remembers the latest diagnostics version per document
 * and counts the analysis rounds that ended with the server up to date, and lets the benchmark wait
 * for either.
 */
final class RecordingClient implements LanguageClient {
  private final Map<String, Integer> versions = new HashMap<>();
  private int upToDate;
  private String lastAnalysis = "";

  @Override
  public synchronized void publishDiagnostics(PublishDiagnosticsParams params) {
    if (params.getVersion() != null)
      versions.merge(params.getUri(), params.getVersion(), Math::max);
    notifyAll();
  }

  @Override
  public synchronized void logMessage(MessageParams message) {
    String m = message.getMessage();
    if (m.contains("analysis: ") && m.endsWith(AnalysisLoop.UP_TO_DATE)) {
      upToDate++;
      lastAnalysis = m;
    }
    notifyAll();
  }

  /** How many analysis rounds have ended with the server up to date. */
  synchronized int analyses() {
    return upToDate;
  }

  /**
   * Waits until more than {@code seen} rounds ended up to date; returns the last one's log line.
   */
  synchronized String awaitAnalysis(int seen, long timeoutSeconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (upToDate <= seen) waitUntil(deadline, "the analysis");
    return lastAnalysis;
  }

  /** Waits for diagnostics of {@code uri} at {@code version} or later. */
  synchronized void awaitVersion(String uri, int version, long timeoutSeconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (versions.getOrDefault(uri, 0) < version)
      waitUntil(deadline, "diagnostics of version " + version);
  }

  private void waitUntil(long deadline, String what) throws Exception {
    long left = deadline - System.nanoTime();
    if (left <= 0) throw new TimeoutException("timed out waiting for " + what);
    TimeUnit.NANOSECONDS.timedWait(this, left);
  }

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void showMessage(MessageParams messageParams) {}

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(
      ShowMessageRequestParams requestParams) {
    return CompletableFuture.completedFuture(null);
  }
}
