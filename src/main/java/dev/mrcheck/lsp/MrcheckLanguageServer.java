package dev.mrcheck.lsp;

import dev.mrcheck.ToolInfo;
import dev.mrcheck.config.ProjectConfig;
import dev.mrcheck.scan.PersistentCache;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * {@code mrcheck lsp}: live diagnostics, hover and quick fixes for the MemoryRegion rules. The
 * workspace is indexed in the background after {@code initialized}; every open, save, edit and
 * settings change re-analyzes it (see {@link AnalysisLoop}).
 */
public final class MrcheckLanguageServer implements LanguageServer, LanguageClientAware {
  /** Quiet time after the last keystroke before a re-analysis. */
  public static final long DEFAULT_DEBOUNCE_MILLIS = 300;

  private final ServerState state = new ServerState();
  private final AnalysisLoop analysis;
  private final DocumentHandler documents;
  private final WorkspaceHandler workspace;
  private final IntConsumer onExit;
  private volatile boolean watchersWanted;

  /**
   * {@code onExit} receives the exit code on the {@code exit} notification (0 after shutdown, else
   * 1).
   */
  public MrcheckLanguageServer(long debounceMillis, IntConsumer onExit) {
    this(debounceMillis, onExit, null);
  }

  /**
   * As {@link #MrcheckLanguageServer(long, IntConsumer)}, with the on-disk cache ({@code mrcheck
   * scan}'s; null: none) serving and keeping the parses of the scans that read the disk.
   */
  public MrcheckLanguageServer(long debounceMillis, IntConsumer onExit, PersistentCache disk) {
    this.analysis = new AnalysisLoop(state, debounceMillis, disk);
    this.documents = new DocumentHandler(state, analysis);
    this.workspace = new WorkspaceHandler(state, analysis);
    this.onExit = onExit;
  }

  @Override
  public void connect(LanguageClient client) {
    state.connect(client);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    state.checkServing("initialize");
    if (params == null) throw ProtocolErrors.invalidParams("initialize", "params");
    List<String> uris = new ArrayList<>();
    if (params.getWorkspaceFolders() != null)
      for (WorkspaceFolder f : params.getWorkspaceFolders()) uris.add(f.getUri());
    if (uris.isEmpty() && params.getRootUri() != null) uris.add(params.getRootUri());
    state.setRoots(ServerState.paths(uris));
    state.setConfig(
        state.config().merge(params.getInitializationOptions(), state.base(), state.log()::warn));
    ClientCapabilities caps = params.getCapabilities();
    state.setClientShowsProgress(
        caps != null
            && caps.getWindow() != null
            && Boolean.TRUE.equals(caps.getWindow().getWorkDoneProgress()));
    watchersWanted =
        caps != null
            && caps.getWorkspace() != null
            && caps.getWorkspace().getDidChangeWatchedFiles() != null
            && Boolean.TRUE.equals(
                caps.getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration());

    ServerCapabilities server = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental);
    sync.setSave(new SaveOptions(false));
    server.setTextDocumentSync(sync);
    server.setHoverProvider(true);
    server.setCodeActionProvider(true);
    WorkspaceFoldersOptions folders = new WorkspaceFoldersOptions();
    folders.setSupported(true);
    folders.setChangeNotifications(true);
    server.setWorkspace(new WorkspaceServerCapabilities(folders));
    return CompletableFuture.completedFuture(
        new InitializeResult(server, new ServerInfo(ToolInfo.NAME, ToolInfo.version())));
  }

  @Override
  public void initialized(InitializedParams params) {
    if (watchersWanted) {
      var options =
          new DidChangeWatchedFilesRegistrationOptions(
              List.of(
                  new FileSystemWatcher(Either.forLeft("**/*.{c,h}")),
                  new FileSystemWatcher(Either.forLeft("**/*.mrm")),
                  new FileSystemWatcher(Either.forLeft("**/" + ProjectConfig.FILE_NAME))));
      state
          .client()
          .registerCapability(
              new RegistrationParams(
                  List.of(
                      new Registration(
                          "mrcheck-watch", "workspace/didChangeWatchedFiles", options))))
          .exceptionally(
              e -> {
                state.log().warn("file watching not available: " + e.getMessage());
                return null;
              });
    }
    state.log().info("mrcheck " + ToolInfo.version() + ", workspace " + state.roots());
    analysis.requestNow(true);
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    state.checkServing("shutdown");
    state.setShutDown();
    analysis.shutdown();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    analysis.shutdown();
    onExit.accept(state.shutDown() ? 0 : 1);
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }
}
