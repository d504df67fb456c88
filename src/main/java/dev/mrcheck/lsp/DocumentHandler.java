package dev.mrcheck.lsp;

import dev.mrcheck.rules.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Buffer sync (incremental), hover and code actions. Files outside the workspace folders are
 * tracked but not analyzed; requests about them get an empty answer.
 */
final class DocumentHandler implements TextDocumentService {
  private final ServerState state;
  private final AnalysisLoop analysis;

  DocumentHandler(ServerState state, AnalysisLoop analysis) {
    this.state = state;
    this.analysis = analysis;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    var doc = params.getTextDocument();
    Path p = ServerState.path(doc.getUri());
    if (p == null) {
      state.log().info("ignoring " + doc.getUri() + ": not a file");
      return;
    }
    String text = doc.getText() == null ? "" : doc.getText();
    state.documents().open(doc.getUri(), p, doc.getVersion(), text);
    if (text.length() > OpenDocuments.MAX_CHARS) {
      state.log().warn(p + " is too large to analyze (" + text.length() + " characters)");
    }
    if (!state.inWorkspace(p)) {
      state.log().info(p + " is outside the workspace folders; not analyzed");
      return;
    }
    analysis.requestNow(false);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    Path p = ServerState.path(params.getTextDocument().getUri());
    if (p == null) return;
    var version = params.getTextDocument().getVersion();
    var updated =
        state.documents().change(p, version == null ? 0 : version, params.getContentChanges());
    if (updated == null) {
      state.log().warn("change for " + p + ", which is not open; ignored");
      return;
    }
    if (state.inWorkspace(p)) analysis.requestAfterEdit();
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    Path p = ServerState.path(params.getTextDocument().getUri());
    if (p == null) return;
    state.documents().close(p);
    // The disk version (or none, if the file was deleted) counts again.
    if (state.inWorkspace(p)) analysis.requestNow(false);
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    Path p = ServerState.path(params.getTextDocument().getUri());
    if (p != null && state.inWorkspace(p)) analysis.requestNow(false);
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    state.checkServing("textDocument/hover");
    if (params == null || params.getTextDocument() == null || params.getPosition() == null) {
      throw ProtocolErrors.invalidParams(
          "textDocument/hover", "params.textDocument or params.position");
    }
    Path p = ServerState.path(params.getTextDocument().getUri());
    if (p == null) return CompletableFuture.completedFuture(null);
    List<Finding> here = HoverText.at(analysis.snapshot().in(p), params.getPosition());
    if (here.isEmpty()) return CompletableFuture.completedFuture(null);
    Range range = FindingDiagnostics.range(here.get(0).loc());
    return CompletableFuture.completedFuture(
        new Hover(new MarkupContent(MarkupKind.MARKDOWN, HoverText.markdown(here)), range));
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    state.checkServing("textDocument/codeAction");
    if (params == null || params.getTextDocument() == null) {
      throw ProtocolErrors.invalidParams("textDocument/codeAction", "params.textDocument");
    }
    String uri = params.getTextDocument().getUri();
    Path p = ServerState.path(uri);
    List<Either<Command, CodeAction>> out = new ArrayList<>();
    if (p == null) return CompletableFuture.completedFuture(out);
    AnalysisLoop.Snapshot snap = analysis.snapshot();
    Range wanted = params.getRange();
    for (Finding f : snap.in(p)) {
      Range r = FindingDiagnostics.range(f.loc());
      if (!overlaps(r, wanted)) continue;
      Diagnostic d = FindingDiagnostics.of(f, snap.root());
      for (CodeAction a : QuickFixes.forFinding(f, snap.root(), uri, d, this::currentText))
        out.add(Either.forRight(a));
    }
    return CompletableFuture.completedFuture(out);
  }

  /** A file as the editor sees it: the open buffer, else the disk; null if neither can be read. */
  private String currentText(Path p) {
    var doc = state.documents().get(p);
    if (doc != null) return doc.text();
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static boolean overlaps(Range a, Range b) {
    if (b == null) return true;
    return !(before(a.getEnd(), b.getStart()) || before(b.getEnd(), a.getStart()));
  }

  private static boolean before(Position x, Position y) {
    return x.getLine() < y.getLine()
        || (x.getLine() == y.getLine() && x.getCharacter() < y.getCharacter());
  }
}
