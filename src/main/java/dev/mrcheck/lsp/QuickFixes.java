package dev.mrcheck.lsp;

import dev.mrcheck.fix.Fix;
import dev.mrcheck.fix.Fixes;
import dev.mrcheck.fix.SourceTexts;
import dev.mrcheck.rules.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * before the unparent; MR004: drop a no-op unparent from instance_finalize) as LSP workspace edits,
 * computed in {@code dev.mrcheck.fix} and shared with {@code mrcheck fix} and SARIF. Every finding
 * of a real rule also gets "suppress on this line": an {@code mrcheck: ignore} comment above it,
 * with the reason left for the user to write (until then the comment shows as an MRS01 note).
 */
final class QuickFixes {
  /** Reads a file as the editor sees it (open buffer, else disk); null if unreadable. */
  interface Texts extends Function<Path, String> {}

  private QuickFixes() {}

  static List<CodeAction> forFinding(Finding f, Path root, String uri, Diagnostic d, Texts texts) {
    List<CodeAction> out = new ArrayList<>();
    SourceTexts sources = file -> texts.apply(root.resolve(file).toAbsolutePath().normalize());
    Fixes.forFinding(f, sources).ifPresent(fix -> out.add(action(fix, root, d)));
    suppressOnThisLine(f, root, uri, d, texts).ifPresent(out::add);
    return out;
  }

  private static CodeAction action(Fix fix, Path root, Diagnostic d) {
    Map<String, List<TextEdit>> changes = new java.util.LinkedHashMap<>();
    for (dev.mrcheck.fix.TextEdit e : fix.edits()) {
      String uri = root.resolve(e.file()).toAbsolutePath().normalize().toUri().toString();
      Range range =
          new Range(
              new Position(e.startLine() - 1, e.startColumn() - 1),
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

  /** {@code /* mrcheck: ignore MR002 -- *&#47;} on the line above the finding, indented like it. */
  private static Optional<CodeAction> suppressOnThisLine(
      Finding f, Path root, String uri, Diagnostic d, Texts texts) {
    if (f.ruleId().startsWith("MRS")) return Optional.empty();
    String[] lines = linesOf(f, root, texts);
    if (lines == null) return Optional.empty();
    int lineIdx = f.loc().line() - 1;
    String indent = indentOf(lines[lineIdx]);
    Position at = new Position(lineIdx, 0);
    TextEdit edit =
        new TextEdit(new Range(at, at), indent + "/* mrcheck: ignore " + f.ruleId() + " -- */\n");
    CodeAction action =
        new CodeAction("Suppress " + f.ruleId() + " on this line (then write why after --)");
    action.setKind(CodeActionKind.QuickFix);
    action.setDiagnostics(List.of(d));
    action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(edit))));
    return Optional.of(action);
  }

  /**
   * The lines of the finding's file as the editor has it; null if unreadable or the line is not in
   * it.
   */
  private static String[] linesOf(Finding f, Path root, Texts texts) {
    String text = texts.apply(FindingDiagnostics.path(root, f.loc()));
    if (text == null) return null;
    String[] lines = text.split("\r\n|\r|\n", -1);
    int lineIdx = f.loc().line() - 1;
    return lineIdx < 0 || lineIdx >= lines.length ? null : lines;
  }

  private static String indentOf(String line) {
    return line.substring(0, line.length() - line.stripLeading().length());
  }
}
