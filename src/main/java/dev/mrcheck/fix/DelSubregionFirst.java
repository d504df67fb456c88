package dev.mrcheck.fix;

import dev.mrcheck.analysis.Place;
import dev.mrcheck.model.Operation;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.WitnessStep;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MR002: {@code memory_region_del_subregion(<container>, <region>);} on the line before the
 * unparent. The region is spelled as the unparent call spells it; the container as the
 * add_subregion call did, if the names it uses are visible where the fix goes (the helper that
 * unparents may not see realize's locals), else from the container's shown path. No container that
 * can be written there, no fix.
 */
final class DelSubregionFirst {
  private static final Pattern ADD =
      Pattern.compile("memory_region_add_subregion(?:_overlap)?\\s*\\(");
  private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern PATH =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:(?:->|\\.)[A-Za-z_][A-Za-z0-9_]*|\\[[^\\]]*\\])*");
  private static final Set<String> KEYWORDS = Set.of("sizeof", "NULL", "true", "false");

  private DelSubregionFirst() {}

  static Optional<Fix> fix(Finding f, SourceTexts texts) {
    if (f.witness() == null) return Optional.empty();
    WitnessStep mapStep =
        f.witness().steps().stream()
            .filter(s -> s.operation() instanceof Operation.Map)
            .findFirst()
            .orElse(null);
    if (mapStep == null) return Optional.empty();
    Operation.Map<Place> map = (Operation.Map<Place>) mapStep.operation();
    int lineNo = f.loc().line();
    SourceLines lines = Statements.editableAt(texts, f.loc().file(), lineNo);
    if (lines == null) return Optional.empty();
    String text = lines.text();
    String line = lines.line(lineNo);
    Matcher m = Statements.unparent(line);
    String region;
    if (m != null) region = m.group(1) != null ? m.group(1) : m.group(2);
    else if (map.region().shown() != null && PATH.matcher(map.region().shown()).matches())
      region = "&" + map.region().shown();
    else return Optional.empty();
    String scope = enclosingFunctionText(lines, lineNo);
    String container = containerAsWritten(mapStep, texts);
    if (container == null || !visible(container, scope))
      container = containerFromShown(map.container().shown(), scope);
    if (container == null) return Optional.empty();
    String call = "memory_region_del_subregion(" + container + ", " + region + ");";
    String indent = Statements.indentOf(line);
    String nl = lineBreak(text);
    if (deletedOnSomePath(scope, region)) {
      // Another path already deleted it: an unconditional second delete would hit QEMU's assertion.
      String guarded =
          indent
              + "if (memory_region_is_mapped("
              + region
              + ")) {"
              + nl
              + indent
              + "    "
              + call
              + nl
              + indent
              + "}"
              + nl;
      return Optional.of(
          new Fix(
              f.ruleId(),
              "Insert " + call + " (if still mapped) before object_unparent()",
              List.of(TextEdit.insertion(f.loc().file(), lineNo, 1, guarded))));
    }
    TextEdit edit = TextEdit.insertion(f.loc().file(), lineNo, 1, indent + call + nl);
    return Optional.of(
        new Fix(f.ruleId(), "Insert " + call + " before object_unparent()", List.of(edit)));
  }

  /**
   * The function already deletes the region before the unparent on some path (a branch, a goto
   * label).
   */
  private static boolean deletedOnSomePath(String scope, String region) {
    String bare = region.startsWith("&") ? region.substring(1).strip() : region;
    Matcher m = Pattern.compile("memory_region_del_subregion\\s*\\(([^;]*)\\)\\s*;").matcher(scope);
    while (m.find()) {
      if (m.group(1).replaceAll("\\s+", "").contains(bare.replaceAll("\\s+", ""))) return true;
    }
    return false;
  }

  private static String lineBreak(String text) {
    return text.contains("\r\n") ? "\r\n" : "\n";
  }

  /** The first argument of the add_subregion call at the MAP step, as the source spells it. */
  private static String containerAsWritten(WitnessStep map, SourceTexts texts) {
    if (map.loc() == null) return null;
    String text = texts.read(map.loc().file());
    if (text == null) return null;
    int from = new SourceLines(text).offset(map.loc().line(), Math.max(1, map.loc().column()));
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
      if (before.endsWith("->")
          || before.endsWith(".")
          || after.startsWith("(")
          || KEYWORDS.contains(m.group())) continue;
      if (!Pattern.compile("\\b" + Pattern.quote(m.group()) + "\\b").matcher(scope).find())
        return false;
    }
    return true;
  }

  /**
   * From the function's header (the last line before that starts in column 0 with a name) to the
   * line.
   */
  private static String enclosingFunctionText(SourceLines lines, int lineNo) {
    int start = lineNo;
    while (start > 1
        && !(lines.line(start).matches("^[A-Za-z_].*\\(.*") && !lines.line(start).endsWith(";")))
      start--;
    StringBuilder sb = new StringBuilder();
    for (int i = start; i < lineNo; i++) sb.append(lines.line(i)).append('\n');
    return sb.toString();
  }
}
