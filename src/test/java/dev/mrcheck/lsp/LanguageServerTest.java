package dev.mrcheck.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server end to end over JSON-RPC: diagnostics, edits, helper files, hover, quick fix,
 * robustness.
 */
class LanguageServerTest {
  /** 0-based lines in the resources under lsp/workspace. */
  static final int CTRL_UNPARENT = 45;

  static final int CTRL_ADD = 38;
  static final int DEV_UNPARENT = 34;
  static final String CTRL_DEL =
      "    memory_region_del_subregion(pci_address_space(pdev), &s->window);\n";

  @TempDir Path ws;
  LspSession lsp;

  @BeforeEach
  void start() throws Exception {
    LspSession.copyWorkspace(ws);
    lsp = new LspSession(MrcheckLanguageServer.DEFAULT_DEBOUNCE_MILLIS);
    lsp.initialize(ws, null);
  }

  @AfterEach
  void stop() throws Exception {
    lsp.close();
  }

  static List<Diagnostic> mr002(List<Diagnostic> ds) {
    return ds.stream().filter(d -> "MR002".equals(d.getCode().getLeft())).toList();
  }

  static boolean hasMr002At(List<Diagnostic> ds, int line) {
    return ds.stream()
        .anyMatch(
            d ->
                "MR002".equals(d.getCode().getLeft()) && d.getRange().getStart().getLine() == line);
  }

  @Test
  void openReportsMr002OnTheUnparentLineWithTraceAndHelp() throws Exception {
    String uri = lsp.open(ws.resolve("ctrl.c"));
    // The window is also never unmapped from the bus space at exit (MR005); this test is about
    // MR002.
    List<Diagnostic> ds = mr002(lsp.client.await(uri, 1, d -> hasMr002At(d, CTRL_UNPARENT)));
    assertThat(ds).hasSize(1);
    Diagnostic d = ds.get(0);
    assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
    assertThat(d.getSource()).isEqualTo("mrcheck");
    assertThat(d.getCodeDescription().getHref()).endsWith("/docs/rules/MR002.md");
    assertThat(d.getMessage().getLeft())
        .contains("object_unparent(s->window)")
        .contains("ctrl.c:39");
    assertThat(d.getRange().getStart().getCharacter()).isEqualTo(4);
    assertThat(d.getRelatedInformation())
        .anySatisfy(
            r -> {
              assertThat(r.getLocation().getUri()).isEqualTo(uri);
              assertThat(r.getLocation().getRange().getStart().getLine()).isEqualTo(CTRL_ADD);
              assertThat(r.getMessage()).contains("mapped into");
            });
  }

  @Test
  void initialIndexReportsProgressBeginAndEnd() {
    lsp.client.awaitCondition(
        c ->
            c.progress.stream()
                .anyMatch(p -> p.getValue().getLeft() instanceof WorkDoneProgressEnd),
        "progress end");
    assertThat(lsp.client.progress.get(0).getValue().getLeft())
        .isInstanceOf(WorkDoneProgressBegin.class);
    assertThat(lsp.client.registrations).isNotEmpty();
  }

  @Test
  void addingTheMissingDelClearsTheDiagnostic() {
    String uri = lsp.open(ws.resolve("ctrl.c"), read("ctrl.c"));
    lsp.client.await(uri, 1, d -> hasMr002At(d, CTRL_UNPARENT));
    int v = lsp.insert(uri, CTRL_UNPARENT, 0, CTRL_DEL);
    lsp.client.await(uri, v, List::isEmpty);
    // And back: removing it again brings the finding back (unsaved buffer, disk unchanged).
    int v2 =
        lsp.replace(
            uri,
            new org.eclipse.lsp4j.Range(
                new Position(CTRL_UNPARENT, 0), new Position(CTRL_UNPARENT + 1, 0)),
            "");
    lsp.client.await(uri, v2, d -> hasMr002At(d, CTRL_UNPARENT));
  }

  @Test
  void anEditInAHelperFileChangesTheCallersDiagnostics() {
    String dev = lsp.open(ws.resolve("split/dev.c"), read("split/dev.c"));
    String win = lsp.open(ws.resolve("split/win.c"), read("split/win.c"));
    lsp.client.await(dev, 1, List::isEmpty);
    int v = lsp.insert(win, 7, 4, "// ");
    lsp.client.await(dev, 1, d -> hasMr002At(d, DEV_UNPARENT));
    lsp.client.await(win, v, List::isEmpty);
    lsp.replace(win, new org.eclipse.lsp4j.Range(new Position(7, 4), new Position(7, 7)), "");
    lsp.client.await(dev, 1, List::isEmpty);
  }

  /**
   * The server's own account ("replays run: R of N") of the one analysis round logged after {@code
   * logsBefore}; call after awaiting the diagnostics that round published.
   */
  private String theRoundAfter(int logsBefore) {
    int end = lsp.client.awaitIdle();
    List<String> rounds =
        lsp.client.logs.subList(logsBefore, end).stream()
            .filter(l -> l.contains("replays run"))
            .toList();
    assertThat(rounds).as("analysis rounds after the edit").hasSize(1);
    return rounds.get(0);
  }

  @Test
  void anEditReplaysOnlyTheDevicesThatWalkTheEditedCode() {
    String dev = lsp.open(ws.resolve("split/dev.c"), read("split/dev.c"));
    String win = lsp.open(ws.resolve("split/win.c"), read("split/win.c"));
    String ctrl = lsp.open(ws.resolve("ctrl.c"), read("ctrl.c"));
    lsp.client.await(ctrl, 1, d -> hasMr002At(d, CTRL_UNPARENT));
    lsp.client.await(dev, 1, List::isEmpty);
    lsp.client.await(win, 1, List::isEmpty);
    // Inside the helper, calls unchanged: lspdev's lifecycle walks it, ctrl's does not. The rounds
    // the opens started are all logged once the server says it is up to date.
    int logs = lsp.client.awaitIdle();
    int v = lsp.insert(win, 7, 0, "    int unused = 0;\n");
    lsp.client.await(win, v, List::isEmpty);
    assertThat(theRoundAfter(logs))
        .contains("parsed 1 file, call graph kept")
        .containsPattern("replays run: 1 of [2-9]");
    // A declaration after every function: no replay walks it, all are reused.
    logs = lsp.client.logs.size();
    int v2 = lsp.insert(ctrl, read("ctrl.c").split("\n", -1).length - 1, 0, "static int spare;\n");
    lsp.client.await(ctrl, v2, d -> hasMr002At(d, CTRL_UNPARENT));
    assertThat(theRoundAfter(logs)).containsPattern("replays run: 0 of [2-9]");
  }

  @Test
  void quickFixInsertsTheDelAndReanalysisIsClean() throws Exception {
    String uri = lsp.open(ws.resolve("ctrl.c"), read("ctrl.c"));
    Diagnostic d = mr002(lsp.client.await(uri, 1, ds -> hasMr002At(ds, CTRL_UNPARENT))).get(0);
    List<Either<org.eclipse.lsp4j.Command, CodeAction>> actions =
        lsp.server
            .getTextDocumentService()
            .codeAction(
                new CodeActionParams(
                    new TextDocumentIdentifier(uri),
                    d.getRange(),
                    new CodeActionContext(List.of(d))))
            .get(30, TimeUnit.SECONDS);
    assertThat(actions).hasSize(2);
    assertThat(actions.get(1).getRight().getTitle())
        .isEqualTo("Suppress MR002 on this line (then write why after --)");
    CodeAction a = actions.get(0).getRight();
    assertThat(a.getTitle())
        .contains("memory_region_del_subregion(pci_address_space(pdev), &s->window)");
    TextEdit edit = a.getEdit().getChanges().get(uri).get(0);
    assertThat(edit.getNewText()).isEqualTo(CTRL_DEL);
    assertThat(edit.getRange().getStart()).isEqualTo(new Position(CTRL_UNPARENT, 0));
    int v = lsp.replace(uri, edit.getRange(), edit.getNewText());
    lsp.client.await(uri, v, List::isEmpty);
  }

  @Test
  void suppressOnThisLineHidesTheFindingAndAsksForAReason() throws Exception {
    String uri = lsp.open(ws.resolve("ctrl.c"), read("ctrl.c"));
    Diagnostic d = mr002(lsp.client.await(uri, 1, ds -> hasMr002At(ds, CTRL_UNPARENT))).get(0);
    CodeAction a =
        lsp.server
            .getTextDocumentService()
            .codeAction(
                new CodeActionParams(
                    new TextDocumentIdentifier(uri),
                    d.getRange(),
                    new CodeActionContext(List.of(d))))
            .get(30, TimeUnit.SECONDS)
            .get(1)
            .getRight();
    TextEdit edit = a.getEdit().getChanges().get(uri).get(0);
    assertThat(edit.getNewText()).isEqualTo("    /* mrcheck: ignore MR002 -- */\n");
    int v = lsp.replace(uri, edit.getRange(), edit.getNewText());
    List<Diagnostic> after = lsp.client.await(uri, v, ds -> mr002(ds).isEmpty() && !ds.isEmpty());
    assertThat(after)
        .filteredOn(n -> n.getCode().getLeft().equals("MRS01"))
        .singleElement()
        .satisfies(n -> assertThat(n.getRange().getStart().getLine()).isEqualTo(CTRL_UNPARENT));
  }

  @Test
  void quickFixForAHelperUsesTheUnparentSpellingAndAVisibleContainer() throws Exception {
    String dev = lsp.open(ws.resolve("split/dev.c"), read("split/dev.c"));
    String win = lsp.open(ws.resolve("split/win.c"), read("split/win.c"));
    lsp.insert(win, 7, 4, "// ");
    Diagnostic d = mr002(lsp.client.await(dev, 1, ds -> hasMr002At(ds, DEV_UNPARENT))).get(0);
    CodeAction a =
        lsp.server
            .getTextDocumentService()
            .codeAction(
                new CodeActionParams(
                    new TextDocumentIdentifier(dev),
                    d.getRange(),
                    new CodeActionContext(List.of(d))))
            .get(30, TimeUnit.SECONDS)
            .get(0)
            .getRight();
    assertThat(a.getEdit().getChanges().get(dev).get(0).getNewText())
        .isEqualTo("    memory_region_del_subregion(get_system_memory(), &s->win.mr);\n");
  }

  @Test
  void hoverShowsTheRuleAndTheTrace() throws Exception {
    String uri = lsp.open(ws.resolve("ctrl.c"), read("ctrl.c"));
    lsp.client.await(uri, 1, d -> hasMr002At(d, CTRL_UNPARENT));
    Hover h =
        lsp.server
            .getTextDocumentService()
            .hover(
                new HoverParams(new TextDocumentIdentifier(uri), new Position(CTRL_UNPARENT, 10)))
            .get(30, TimeUnit.SECONDS);
    String md = h.getContents().getRight().getValue();
    assertThat(md)
        .contains("MR002 unparent-while-mapped")
        .contains("may still be mapped in a container")
        .contains("ctrl.c:39:5")
        .contains("mapped into");
    Hover none =
        lsp.server
            .getTextDocumentService()
            .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(2, 0)))
            .get(30, TimeUnit.SECONDS);
    assertThat(none).isNull();
  }

  @Test
  void configurationSelectsRules() {
    String uri = lsp.open(ws.resolve("ctrl.c"), read("ctrl.c"));
    lsp.client.await(uri, 1, d -> hasMr002At(d, CTRL_UNPARENT));
    lsp.server
        .getWorkspaceService()
        .didChangeConfiguration(
            new DidChangeConfigurationParams(
                JsonParser.parseString(
                    "{\"mrcheck\": {\"rules\": [\"MR001\"], \"semantics\": \"bogus\"}}")));
    lsp.client.await(uri, 1, List::isEmpty);
    assertThat(lsp.client.logs).anyMatch(l -> l.contains("unknown semantics 'bogus'"));
    JsonObject all = JsonParser.parseString("{\"rules\": []}").getAsJsonObject();
    lsp.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(all));
    lsp.client.await(uri, 1, d -> hasMr002At(d, CTRL_UNPARENT));
  }

  @Test
  void survivesMalformedInputUnknownMethodsForeignAndHugeFiles() throws Exception {
    lsp.toServer.write(
        "Content-Length: 12\r\n\r\n{not json!!}".getBytes(StandardCharsets.US_ASCII));
    lsp.toServer.flush();
    assertThatThrownBy(
            () ->
                lsp.clientLauncher
                    .getRemoteEndpoint()
                    .request("mrcheck/noSuchMethod", null)
                    .get(30, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ResponseErrorException.class);
    lsp.clientLauncher.getRemoteEndpoint().notify("mrcheck/noSuchNotification", null);

    Path outside = Files.createTempDirectory("mrcheck-outside").resolve("x.c");
    Files.writeString(outside, read("ctrl.c"));
    String foreign = lsp.open(outside);
    lsp.client.awaitCondition(
        c -> c.logs.stream().anyMatch(l -> l.contains("outside the workspace")), "log");
    assertThat(
            lsp.server
                .getTextDocumentService()
                .hover(
                    new HoverParams(
                        new TextDocumentIdentifier(foreign), new Position(CTRL_UNPARENT, 10)))
                .get(30, TimeUnit.SECONDS))
        .isNull();

    lsp.open(ws.resolve("huge.c"), "int x;\n".repeat(1_000_000));
    lsp.client.awaitCondition(c -> c.logs.stream().anyMatch(l -> l.contains("too large")), "log");
    lsp.server
        .getTextDocumentService()
        .hover(new HoverParams(new TextDocumentIdentifier("not a uri at all"), new Position(0, 0)))
        .get(30, TimeUnit.SECONDS);

    // Still serving: diagnostics arrive for a real file.
    String uri = lsp.open(ws.resolve("ctrl.c"), read("ctrl.c"));
    lsp.client.await(uri, 1, d -> hasMr002At(d, CTRL_UNPARENT));
  }

  @Test
  void aFileDeletedWhileOpenIsAnalyzedFromTheBufferUntilClosed() throws Exception {
    String uri = lsp.open(ws.resolve("ctrl.c"), read("ctrl.c"));
    lsp.client.await(uri, 1, d -> hasMr002At(d, CTRL_UNPARENT));
    Files.delete(ws.resolve("ctrl.c"));
    lsp.server
        .getWorkspaceService()
        .didChangeWatchedFiles(
            new DidChangeWatchedFilesParams(List.of(new FileEvent(uri, FileChangeType.Deleted))));
    int v = lsp.insert(uri, 0, 0, "/* edited */\n");
    lsp.client.await(uri, v, d -> hasMr002At(d, CTRL_UNPARENT + 1));
    lsp.server
        .getTextDocumentService()
        .didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
    lsp.client.await(uri, 0, List::isEmpty);
  }

  @Test
  void shutdownThenExitEndsWithZero() throws Exception {
    lsp.server.shutdown().get(30, TimeUnit.SECONDS);
    lsp.server.exit();
    assertThat(lsp.exitCode.get(30, TimeUnit.SECONDS)).isZero();
  }

  private String read(String name) {
    try {
      return Files.readString(ws.resolve(name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
