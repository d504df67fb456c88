package dev.mrcheck.lsp;

import java.util.function.Supplier;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/** Messages for the user go to window/logMessage (the client's LSP log), never to stdout. */
final class ServerLog {
  private final Supplier<LanguageClient> client;

  ServerLog(Supplier<LanguageClient> client) {
    this.client = client;
  }

  void info(String message) {
    send(MessageType.Info, message);
  }

  void warn(String message) {
    send(MessageType.Warning, message);
  }

  void error(String message) {
    send(MessageType.Error, message);
  }

  private void send(MessageType type, String message) {
    LanguageClient c = client.get();
    if (c == null) {
      System.err.println("mrcheck lsp: " + message);
      return;
    }
    try {
      c.logMessage(new MessageParams(type, "mrcheck: " + message));
    } catch (RuntimeException e) { // the connection is gone; nobody to tell
      System.err.println("mrcheck lsp: " + message);
    }
  }
}
