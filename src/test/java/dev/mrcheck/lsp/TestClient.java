package dev.mrcheck.lsp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.services.LanguageClient;

/** Records what the server sends; tests wait on conditions over it with a bounded timeout. */
final class TestClient implements LanguageClient {
  private record Waiter(Predicate<TestClient> condition, CompletableFuture<Void> done) {}

  private final Map<String, PublishDiagnosticsParams> latest = new HashMap<>();
  private final List<PublishDiagnosticsParams> publications = new ArrayList<>();
  final List<ProgressParams> progress = new CopyOnWriteArrayList<>();
  final List<String> logs = new CopyOnWriteArrayList<>();
  final List<RegistrationParams> registrations = new CopyOnWriteArrayList<>();

  /** window/showMessage, which the user sees (logs only go to the LSP log). */
  final List<MessageParams> shown = new CopyOnWriteArrayList<>();

  /**
   * How many publications and log lines have arrived, and when (in that count) the last publication
   * did.
   */
  private int events;

  private int lastPublication;
  private int lastUpToDate = -1;
  private final List<Waiter> waiters = new ArrayList<>();

  /** The bound on every wait; the benchmark raises it for a large workspace's first index. */
  volatile long timeoutSeconds = 60;

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams params) {
    synchronized (this) {
      latest.put(params.getUri(), params);
      publications.add(params);
      lastPublication = ++events;
    }
    check();
  }

  synchronized PublishDiagnosticsParams latest(String uri) {
    return latest.get(uri);
  }

  synchronized int publicationCount() {
    return publications.size();
  }

  /**
   * Waits until the latest diagnostics for {@code uri} (at least {@code minVersion} if open)
   * satisfy {@code test}.
   */
  List<Diagnostic> await(String uri, int minVersion, Predicate<List<Diagnostic>> test) {
    awaitCondition(
        c -> {
          PublishDiagnosticsParams p = c.latest(uri);
          return p != null
              && (p.getVersion() == null || p.getVersion() >= minVersion)
              && test.test(p.getDiagnostics());
        },
        "diagnostics for " + uri);
    return latest(uri).getDiagnostics();
  }

  void awaitCondition(Predicate<TestClient> condition, String what) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    synchronized (this) {
      waiters.add(new Waiter(condition, done));
    }
    check();
    try {
      done.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (Exception e) {
      synchronized (this) {
        throw new AssertionError(
            "timed out waiting for " + what + "; latest " + latest + "; logs " + logs, e);
      }
    }
  }

  private void check() {
    List<Waiter> ready = new ArrayList<>();
    synchronized (this) {
      for (Waiter w : waiters) if (w.condition().test(this)) ready.add(w);
      waiters.removeAll(ready);
    }
    for (Waiter w : ready) w.done().complete(null);
  }

  @Override
  public void logMessage(MessageParams message) {
    synchronized (this) {
      logs.add(message.getMessage());
      events++;
      if (message.getMessage().endsWith(AnalysisLoop.UP_TO_DATE)) lastUpToDate = events;
    }
    check();
  }

  /**
   * Waits until the server has said it is up to date after the last diagnostics it published: no
   * analysis is running or pending, so nothing more arrives until the test sends something. Returns
   * the number of log lines then. Call it after awaiting the diagnostics of the last request sent:
   * every analysis round ends with one log line, after its publications, and the round that
   * published those is the last one.
   */
  int awaitIdle() {
    awaitCondition(c -> c.lastUpToDate > c.lastPublication, "the server to be up to date");
    return logs.size();
  }

  @Override
  public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void notifyProgress(ProgressParams params) {
    progress.add(params);
    check();
  }

  @Override
  public CompletableFuture<Void> registerCapability(RegistrationParams params) {
    registrations.add(params);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void showMessage(MessageParams messageParams) {
    shown.add(messageParams);
    check();
  }

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(
      ShowMessageRequestParams requestParams) {
    return CompletableFuture.completedFuture(null);
  }
}
