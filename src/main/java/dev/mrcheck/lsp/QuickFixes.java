package dev.mrcheck.lsp;

import dev.mrcheck.fix.Fix;
import dev.mrcheck.fix.Fixes;
import dev.mrcheck.fix.SourceTexts;
import dev.mrcheck.rules.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Code actions for findings: the mechanical fixes of {@link Fixes} (MR002: delete the subregion
 * before the unparent; MR004: drop a no-op unparent from instance_finalize) as LSP workspace edits.
 * The edit itself is computed in {@code dev.mrcheck.fix}, shared with {@code mrcheck fix} and SARIF.
 */
final class QuickFixes {
  /** Reads a file as the editor sees it (open buffer, else disk); null if unreadable. */
  interface Texts extends Function<Path, String> {}

  private QuickFixes() {}

  static List<CodeAction> forFinding(Finding f, Path root, String uri, Diagnostic d, Texts texts) {
    List<CodeAction> out = new ArrayList<>();
    SourceTexts sources = file -> texts.apply(root.resolve(file).toAbsolutePath().normalize());
    Fixes.forFinding(f, sources).ifPresent(fix -> out.add(action(fix, root, d)));
    return out;
  }

  private static CodeAction action(Fix fix, Path root, Diagnostic d) {
    Map<String, List<TextEdit>> changes = new java.util.LinkedHashMap<>();
    for (dev.mrcheck.fix.TextEdit e : fix.edits()) {
      String uri = root.resolve(e.file()).toAbsolutePath().normalize().toUri().toString();
      Range range = new Range(new Position(e.startLine() - 1, e.startColumn() - 1),
          new Position(e.endLine() - 1, e.endColumn() - 1));
      changes.computeIfAbsent(uri, k -> new ArrayList<>()).add(new TextEdit(range, e.newText()));
    }
    CodeAction action = new CodeAction(fix.description());
    action.setKind(CodeActionKind.QuickFix);
    action.setDiagnostics(List.of(d));
    action.setIsPreferred(true);
    action.setEdit(new WorkspaceEdit(changes));
    return action;
  }
}
