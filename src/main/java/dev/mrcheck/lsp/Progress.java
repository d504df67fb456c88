package dev.mrcheck.lsp;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * One server-initiated work-done progress (window/workDoneProgress/create, then begin/report/end).
 */
class Progress {
  static final Progress NONE =
      new Progress() {
        @Override
        void report(String message) {}

        @Override
        void end(String message) {}
      };

  private static final AtomicInteger NEXT = new AtomicInteger();

  private final LanguageClient client;
  private final Either<String, Integer> token;
  private boolean ended;

  private Progress() {
    this.client = null;
    this.token = null;
  }

  private Progress(LanguageClient client, Either<String, Integer> token) {
    this.client = client;
    this.token = token;
  }

  /**
   * Asks the client for a token and begins; {@link #NONE} if the client refuses or does not answer.
   */
  static Progress begin(LanguageClient client, String title) {
    Either<String, Integer> token = Either.forLeft("mrcheck-" + NEXT.incrementAndGet());
    try {
      client.createProgress(new WorkDoneProgressCreateParams(token)).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      return NONE;
    }
    Progress p = new Progress(client, token);
    WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
    begin.setTitle(title);
    begin.setCancellable(false);
    p.send(begin);
    return p;
  }

  void report(String message) {
    WorkDoneProgressReport r = new WorkDoneProgressReport();
    r.setMessage(message);
    send(r);
  }

  void end(String message) {
    if (ended) return;
    ended = true;
    WorkDoneProgressEnd e = new WorkDoneProgressEnd();
    e.setMessage(message);
    send(e);
  }

  private void send(WorkDoneProgressNotification n) {
    client.notifyProgress(new ProgressParams(token, Either.forLeft(n)));
  }
}
