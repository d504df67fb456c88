package dev.mrcheck.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.MessageType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server reads the workspace's .mrcheck.yaml as `mrcheck scan` does, with its settings on top.
 */
class LspConfigTest {
  @TempDir Path ws;
  LspSession lsp;

  private void start(String yaml) throws Exception {
    LspSession.copyWorkspace(ws);
    if (yaml != null) Files.writeString(ws.resolve(".mrcheck.yaml"), yaml);
    lsp = new LspSession(MrcheckLanguageServer.DEFAULT_DEBOUNCE_MILLIS);
    lsp.initialize(ws, null);
  }

  @AfterEach
  void stop() throws Exception {
    if (lsp != null) lsp.close();
  }

  private static List<Diagnostic> rule(List<Diagnostic> ds, String id) {
    return ds.stream().filter(d -> id.equals(d.getCode().getLeft())).toList();
  }

  private String read(String name) throws Exception {
    return Files.readString(ws.resolve(name));
  }

  @Test
  void severityAndExcludeOfTheConfigFileShapeThePublishedDiagnostics() throws Exception {
    start("severity:\n  MR002: warning\nexclude:\n  - \"split/**\"\n");
    String ctrl = lsp.open(ws.resolve("ctrl.c"), read("ctrl.c"));
    List<Diagnostic> ds =
        rule(lsp.client.await(ctrl, 1, d -> !rule(d, "MR002").isEmpty()), "MR002");
    assertThat(ds)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getRange().getStart().getLine())
                  .isEqualTo(LanguageServerTest.CTRL_UNPARENT);
              assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Warning);
            });
    // Without the exclude, commenting out the helper's del moves an MR002 into split/dev.c
    // (LanguageServerTest#anEditInAHelperFileChangesTheCallersDiagnostics); excluded, nothing
    // shows.
    String dev = lsp.open(ws.resolve("split/dev.c"), read("split/dev.c"));
    String win = lsp.open(ws.resolve("split/win.c"), read("split/win.c"));
    int v = lsp.insert(win, 7, 4, "// ");
    lsp.client.await(win, v, List::isEmpty);
    lsp.client.awaitIdle();
    assertThat(lsp.client.latest(dev).getDiagnostics()).isEmpty();
    assertThat(rule(lsp.client.latest(ctrl).getDiagnostics(), "MR002"))
        .singleElement()
        .satisfies(d -> assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Warning));
  }

  @Test
  void settingsApplyOverTheConfigFileAsTheCommandLineDoes() throws Exception {
    start("rules: [MR005]\n");
    String ctrl = lsp.open(ws.resolve("ctrl.c"), read("ctrl.c"));
    List<Diagnostic> only5 = lsp.client.await(ctrl, 1, d -> !d.isEmpty());
    assertThat(only5).extracting(d -> d.getCode().getLeft()).containsOnly("MR005");
    lsp.server
        .getWorkspaceService()
        .didChangeConfiguration(
            new DidChangeConfigurationParams(
                JsonParser.parseString("{\"mrcheck\": {\"rules\": [\"MR002\"]}}")));
    List<Diagnostic> only2 = lsp.client.await(ctrl, 1, d -> !rule(d, "MR002").isEmpty());
    assertThat(only2).extracting(d -> d.getCode().getLeft()).containsOnly("MR002");
  }

  @Test
  void aBadConfigFileIsADiagnosticOnItsLineAndAMessageUntilFixed() throws Exception {
    start("semantics: current\ninclude_dirs: [include]\n");
    String config = ws.resolve(".mrcheck.yaml").toUri().toString();
    Diagnostic d = lsp.client.await(config, 0, ds -> !ds.isEmpty()).get(0);
    assertThat(d.getRange().getStart().getLine()).isEqualTo(1);
    assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
    assertThat(d.getMessage().getLeft())
        .startsWith("unknown setting 'include_dirs' (did you mean 'includeDirs'?) (known: ");
    lsp.client.awaitCondition(c -> !c.shown.isEmpty(), "window/showMessage");
    assertThat(lsp.client.shown)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getType()).isEqualTo(MessageType.Error);
              assertThat(m.getMessage())
                  .contains(".mrcheck.yaml:2: unknown setting 'include_dirs'");
            });
    // Like the CLI, no analysis with a half-read configuration: the open file gets nothing yet.
    int logs = lsp.client.logs.size();
    String ctrl = lsp.open(ws.resolve("ctrl.c"), read("ctrl.c"));
    lsp.client.awaitCondition(
        c -> c.logs.stream().skip(logs).anyMatch(l -> l.contains("analysis: not run")),
        "the round the open started");
    assertThat(lsp.client.latest(ctrl)).isNull();

    Files.writeString(ws.resolve(".mrcheck.yaml"), "semantics: current\nincludeDirs: 5\n");
    lsp.server
        .getWorkspaceService()
        .didChangeWatchedFiles(
            new DidChangeWatchedFilesParams(
                List.of(new FileEvent(config, FileChangeType.Changed))));
    lsp.client.await(config, 0, List::isEmpty);
    lsp.client.await(ctrl, 1, ds -> !rule(ds, "MR002").isEmpty());
    // A path that names no directory is accepted, and said, as cc and `mrcheck scan` do.
    assertThat(lsp.client.logs)
        .anyMatch(l -> l.contains("include directory not found: " + ws.resolve("5")));
    assertThat(lsp.client.shown).hasSize(1);
  }
}
