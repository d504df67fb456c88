package dev.mrcheck.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/** A server and a {@link TestClient} in one JVM, talking JSON-RPC over a loopback connection. */
final class LspSession implements AutoCloseable {
  final TestClient client = new TestClient();
  final LanguageServer server;
  final Launcher<LanguageServer> clientLauncher;
  final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

  /** The raw stream into the server, for malformed-input tests. */
  final OutputStream toServer;

  private final List<AutoCloseable> streams = new ArrayList<>();
  private int version = 1;

  /**
   * Over a loopback TCP connection, not java.io pipes: pipes tie the stream to the threads using it
   * (a reader gives up once the thread that wrote last has ended), and the server's analysis
   * thread, which writes diagnostics and logs, ends at {@code shutdown}. Over pipes, a request
   * after shutdown went unanswered about once in 25 runs.
   */
  LspSession(long debounceMillis) throws IOException {
    Socket clientSide;
    Socket serverSide;
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      clientSide = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
      serverSide = listener.accept();
    }
    streams.addAll(List.of(clientSide, serverSide));
    toServer = clientSide.getOutputStream();
    MrcheckLanguageServer impl = new MrcheckLanguageServer(debounceMillis, exitCode::complete);
    LspServer.launcher(impl, serverSide.getInputStream(), serverSide.getOutputStream())
        .startListening();
    clientLauncher =
        LSPLauncher.createClientLauncher(client, clientSide.getInputStream(), toServer);
    clientLauncher.startListening();
    server = clientLauncher.getRemoteProxy();
  }

  void initialize(Path root, Object options) throws Exception {
    InitializeParams p = new InitializeParams();
    p.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "ws")));
    p.setInitializationOptions(options);
    ClientCapabilities caps = new ClientCapabilities();
    WindowClientCapabilities window = new WindowClientCapabilities();
    window.setWorkDoneProgress(true);
    caps.setWindow(window);
    WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
    ws.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
    caps.setWorkspace(ws);
    p.setCapabilities(caps);
    server.initialize(p).get(30, TimeUnit.SECONDS);
    server.initialized(new InitializedParams());
  }

  String open(Path file) throws IOException {
    return open(file, Files.readString(file, StandardCharsets.UTF_8));
  }

  String open(Path file, String text) {
    String uri = file.toUri().toString();
    server
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "c", 1, text)));
    return uri;
  }

  /** Inserts {@code text} at (line, character); returns the new document version. */
  int insert(String uri, int line, int character, String text) {
    Position at = new Position(line, character);
    return change(uri, new TextDocumentContentChangeEvent(new Range(at, at), text));
  }

  int replace(String uri, Range range, String text) {
    return change(uri, new TextDocumentContentChangeEvent(range, text));
  }

  private int change(String uri, TextDocumentContentChangeEvent event) {
    int v = ++version;
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, v), List.of(event)));
    return v;
  }

  static void copyWorkspace(Path to) throws IOException {
    for (String f : List.of("ctrl.c", "split/dev.c", "split/win.c", "split/win.h")) {
      try (InputStream in = LspSession.class.getResourceAsStream("/lsp/workspace/" + f)) {
        Path target = to.resolve(f);
        Files.createDirectories(target.getParent());
        Files.write(target, in.readAllBytes());
      }
    }
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable c : streams) c.close();
  }
}
