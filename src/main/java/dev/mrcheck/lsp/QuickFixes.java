package dev.mrcheck.lsp;

import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.WitnessStep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Code actions for findings, one fixer per rule id. MR002 inserts the missing
 * {@code memory_region_del_subregion()} before the unparent. Room is left for MR004 (move the
 * unparent out of instance_finalize). Every finding of a real rule also gets "suppress on this
 * line": an {@code mrcheck: ignore} comment above it, with the reason left for the user to write
 * (until then the comment shows as an MRS01 note).
 */
final class QuickFixes {
  /** Reads a file as the editor sees it (open buffer, else disk); null if unreadable. */
  interface Texts extends Function<Path, String> {}

  private interface Fixer {
    Optional<CodeAction> fix(Finding f, Path root, String uri, Diagnostic d, Texts texts);
  }

  private static final Map<String, Fixer> FIXERS = Map.of("MR002", QuickFixes::delSubregionFirst);

  private static final Pattern UNPARENT =
      Pattern.compile("object_unparent\\s*\\(\\s*(?:OBJECT\\s*\\(\\s*(.+?)\\s*\\)|(.+?))\\s*\\)\\s*;");
  private static final Pattern ADD = Pattern.compile("memory_region_add_subregion(?:_overlap)?\\s*\\(");
  private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:(?:->|\\.)[A-Za-z_][A-Za-z0-9_]*|\\[[^\\]]*\\])*");
  private static final Set<String> KEYWORDS = Set.of("sizeof", "NULL", "true", "false");

  private QuickFixes() {}

  static List<CodeAction> forFinding(Finding f, Path root, String uri, Diagnostic d, Texts texts) {
    Fixer fixer = FIXERS.get(f.ruleId());
    List<CodeAction> out = new ArrayList<>();
    if (fixer != null) fixer.fix(f, root, uri, d, texts).ifPresent(out::add);
    suppressOnThisLine(f, root, uri, d, texts).ifPresent(out::add);
    return out;
  }

  /** {@code /* mrcheck: ignore MR002 -- *&#47;} on the line above the finding, indented like it. */
  private static Optional<CodeAction> suppressOnThisLine(Finding f, Path root, String uri, Diagnostic d, Texts texts) {
    if (f.ruleId().startsWith("MRS")) return Optional.empty();
    String[] lines = linesOf(f, root, texts);
    if (lines == null) return Optional.empty();
    int lineIdx = f.loc().line() - 1;
    String indent = indentOf(lines[lineIdx]);
    Position at = new Position(lineIdx, 0);
    TextEdit edit = new TextEdit(new Range(at, at), indent + "/* mrcheck: ignore " + f.ruleId() + " -- */\n");
    CodeAction action = new CodeAction("Suppress " + f.ruleId() + " on this line (then write why after --)");
    action.setKind(CodeActionKind.QuickFix);
    action.setDiagnostics(List.of(d));
    action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(edit))));
    return Optional.of(action);
  }

  /**
   * MR002: {@code memory_region_del_subregion(<container>, <region>);} on the line before the
   * unparent. The region is spelled as the unparent call spells it; the container as the
   * add_subregion call did, if the names it uses are visible where the fix goes (the helper that
   * unparents may not see realize's locals), else from the container's shown path.
   */
  private static Optional<CodeAction> delSubregionFirst(Finding f, Path root, String uri, Diagnostic d, Texts texts) {
    if (f.witness() == null) return Optional.empty();
    WitnessStep map = f.witness().steps().stream().filter(s -> s.kind() == WitnessStep.Kind.MAP).findFirst().orElse(null);
    if (map == null) return Optional.empty();
    String[] lines = linesOf(f, root, texts);
    if (lines == null) return Optional.empty();
    int lineIdx = f.loc().line() - 1;
    String line = lines[lineIdx];
    Matcher m = UNPARENT.matcher(line);
    String region;
    if (m.find()) region = m.group(1) != null ? m.group(1) : m.group(2);
    else if (map.subjectShown() != null && PATH.matcher(map.subjectShown()).matches()) region = "&" + map.subjectShown();
    else return Optional.empty();
    String scope = enclosingFunctionText(lines, lineIdx);
    String container = containerAsWritten(map, root, texts);
    if (container == null || !visible(container, scope)) container = containerFromShown(map.otherShown(), scope);
    if (container == null) return Optional.empty();
    String indent = indentOf(line);
    String call = "memory_region_del_subregion(" + container + ", " + region + ");";
    Position at = new Position(lineIdx, 0);
    TextEdit edit = new TextEdit(new Range(at, at), indent + call + "\n");
    CodeAction action = new CodeAction("Insert " + call + " before object_unparent()");
    action.setKind(CodeActionKind.QuickFix);
    action.setDiagnostics(List.of(d));
    action.setIsPreferred(true);
    action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(edit))));
    return Optional.of(action);
  }

  /** The lines of the finding's file as the editor has it; null if unreadable or the line is not in it. */
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

  /** The first argument of the add_subregion call at the MAP step, as the source spells it. */
  private static String containerAsWritten(WitnessStep map, Path root, Texts texts) {
    if (map.loc() == null) return null;
    String text = texts.apply(FindingDiagnostics.path(root, map.loc()));
    if (text == null) return null;
    int from = OpenDocuments.offset(text, new Position(map.loc().line() - 1, Math.max(0, map.loc().column() - 1)));
    Matcher m = ADD.matcher(text);
    if (!m.find(from) || m.start() - from > 200) return null;
    int depth = 0;
    StringBuilder arg = new StringBuilder();
    for (int i = m.end(); i < text.length() && i < m.end() + 500; i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[') depth++;
      if (c == ')' || c == ']') {
        if (depth == 0) return null;
        depth--;
      }
      if (c == ',' && depth == 0) {
        String a = arg.toString().replaceAll("\\s+", " ").strip();
        return a.isEmpty() ? null : a;
      }
      arg.append(c);
    }
    return null;
  }

  /** {@code s->mmio} becomes {@code &s->mmio}; names that are not C paths (pci_io) give no fix. */
  private static String containerFromShown(String shown, String scope) {
    if (shown == null || !PATH.matcher(shown).matches()) return null;
    String candidate = "&" + shown;
    return visible(candidate, scope) ? candidate : null;
  }

  /** Every variable the expression starts a path with occurs in the function around the fix. */
  private static boolean visible(String expr, String scope) {
    Matcher m = IDENT.matcher(expr);
    while (m.find()) {
      String before = expr.substring(0, m.start()).stripTrailing();
      String after = expr.substring(m.end()).stripLeading();
      if (before.endsWith("->") || before.endsWith(".") || after.startsWith("(") || KEYWORDS.contains(m.group())) continue;
      if (!Pattern.compile("\\b" + Pattern.quote(m.group()) + "\\b").matcher(scope).find()) return false;
    }
    return true;
  }

  /** From the function's header (the last line before that starts in column 0 with a name) to the line. */
  private static String enclosingFunctionText(String[] lines, int lineIdx) {
    int start = lineIdx;
    while (start > 0 && !(lines[start].matches("^[A-Za-z_].*\\(.*") && !lines[start].endsWith(";"))) start--;
    StringBuilder sb = new StringBuilder();
    for (int i = start; i < lineIdx; i++) sb.append(lines[i]).append('\n');
    return sb.toString();
  }
}
