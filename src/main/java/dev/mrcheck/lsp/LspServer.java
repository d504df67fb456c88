package dev.mrcheck.lsp;

import dev.mrcheck.scan.PersistentCache;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Runs the language server over a pair of streams: stdio, or one TCP connection on 127.0.0.1. */
public final class LspServer {
  /**
   * Held so the configuration is not garbage-collected with the logger (JUL keeps loggers weakly).
   */
  private static final Logger LSP4J_LOG = Logger.getLogger("org.eclipse.lsp4j");

  private LspServer() {}

  /**
   * lsp4j reports malformed messages and unknown methods through java.util.logging, with stack
   * traces; bad input from a client is not a crash, so one line on stderr is enough.
   */
  static void quietProtocolLog() {
    if (!LSP4J_LOG.getUseParentHandlers()) return;
    LSP4J_LOG.setUseParentHandlers(false);
    LSP4J_LOG.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            if (!isLoggable(r)) return;
            String cause = r.getThrown() == null ? "" : " (" + r.getThrown() + ")";
            System.err.println(
                "mrcheck lsp: "
                    + r.getLevel().getName().toLowerCase(java.util.Locale.ROOT)
                    + ": "
                    + new SimpleFormatter().formatMessage(r)
                    + cause);
          }

          @Override
          public void flush() {
            System.err.flush();
          }

          @Override
          public void close() {}
        });
  }

  /**
   * Serves on stdin/stdout until {@code exit} or end of input; returns the exit code. Anything else
   * that writes to {@code System.out} would corrupt the protocol, so it is sent to stderr.
   */
  public static int serveStdio(PersistentCache disk) {
    OutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
    InputStream protocolIn = new FileInputStream(FileDescriptor.in);
    PrintStream stdout = System.out;
    System.setOut(System.err);
    try {
      return serve(protocolIn, protocolOut, disk);
    } finally {
      System.setOut(stdout);
    }
  }

  /** Listens on 127.0.0.1:{@code port}, serves the first client that connects. */
  public static int serveSocket(int port, PrintStream status, PersistentCache disk)
      throws IOException {
    try (ServerSocket listener = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      status.println("mrcheck lsp: listening on 127.0.0.1:" + listener.getLocalPort());
      status.flush();
      try (Socket socket = listener.accept()) {
        return serve(socket.getInputStream(), socket.getOutputStream(), disk);
      }
    }
  }

  /**
   * The JSON-RPC end of {@code server} on the given streams, connected to it: requests that fail
   * answer with a code and one line, no stack trace ({@link ProtocolErrors}).
   */
  public static Launcher<LanguageClient> launcher(
      MrcheckLanguageServer server, InputStream in, OutputStream out) {
    Launcher<LanguageClient> launcher =
        new LSPLauncher.Builder<LanguageClient>()
            .setLocalService(server)
            .setRemoteInterface(LanguageClient.class)
            .setInput(in)
            .setOutput(out)
            .setExceptionHandler(ProtocolErrors::toResponse)
            .wrapMessages(ProtocolErrors::withoutErrorData)
            .create();
    server.connect(launcher.getRemoteProxy());
    return launcher;
  }

  /**
   * Serves one client on the given streams; returns when it sends {@code exit} or closes its end.
   */
  public static int serve(InputStream in, OutputStream out) {
    return serve(in, out, null);
  }

  /** As {@link #serve(InputStream, OutputStream)}, with the on-disk cache (null: none). */
  public static int serve(InputStream in, OutputStream out, PersistentCache disk) {
    quietProtocolLog();
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    MrcheckLanguageServer server =
        new MrcheckLanguageServer(
            MrcheckLanguageServer.DEFAULT_DEBOUNCE_MILLIS, exit::complete, disk);
    Launcher<LanguageClient> launcher = launcher(server, in, out);
    Future<Void> listening = launcher.startListening();
    CompletableFuture.runAsync(
        () -> {
          try {
            listening.get();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (ExecutionException e) {
            // The stream broke; same as end of input.
          }
          exit.complete(1); // input closed without the exit notification
        });
    try {
      return exit.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (ExecutionException e) {
      return 1;
    } finally {
      listening.cancel(true);
    }
  }
}
