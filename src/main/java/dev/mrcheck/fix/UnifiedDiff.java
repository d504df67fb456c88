package dev.mrcheck.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff computed from the edits themselves rather than by diffing two texts: each edit
 * replaces whole lines of the old text with lines of the new one, so the changed lines are known
 * exactly. Changes are grouped into hunks with three lines of context, as {@code diff -u} does.
 */
final class UnifiedDiff {
  private static final int CONTEXT = 3;

  /**
   * One changed stretch: old lines {@code [oldStart, oldStart + removed.size())} become {@code
   * added}.
   */
  private record Change(int oldStart, List<String> removed, List<String> added) {}

  private UnifiedDiff() {}

  /** {@code edits}: non-overlapping, in text order. */
  static String of(String file, SourceLines old, List<TextEdit> edits) {
    List<Change> changes = changes(old, edits);
    if (changes.isEmpty()) return "";
    StringBuilder out = new StringBuilder();
    out.append("--- ")
        .append(DiffHeaderPath.of("a/", file))
        .append('\n')
        .append("+++ ")
        .append(DiffHeaderPath.of("b/", file))
        .append('\n');
    int i = 0;
    int delta = 0;
    while (i < changes.size()) {
      int j = i;
      // Changes whose contexts touch share a hunk.
      while (j + 1 < changes.size()
          && changes.get(j + 1).oldStart() - end(changes.get(j)) <= 2 * CONTEXT) j++;
      delta = hunk(out, old, changes.subList(i, j + 1), delta);
      i = j + 1;
    }
    return out.toString();
  }

  private static int end(Change c) {
    return c.oldStart() + c.removed().size();
  }

  /**
   * Writes one hunk; {@code delta} is how many lines earlier hunks added. Returns the new delta.
   */
  private static int hunk(StringBuilder out, SourceLines old, List<Change> group, int delta) {
    int first = Math.max(1, group.get(0).oldStart() - CONTEXT);
    int last = Math.min(old.count() + 1, end(group.get(group.size() - 1)) + CONTEXT);
    List<String> body = new ArrayList<>();
    int oldCount = 0;
    int newCount = 0;
    int line = first;
    for (Change c : group) {
      for (; line < c.oldStart(); line++, oldCount++, newCount++) body.add(" " + old.line(line));
      for (String r : c.removed()) {
        body.add("-" + r);
        oldCount++;
        line++;
      }
      for (String a : c.added()) {
        body.add("+" + a);
        newCount++;
      }
    }
    for (; line < last && line <= old.count(); line++, oldCount++, newCount++)
      body.add(" " + old.line(line));
    out.append("@@ -")
        .append(range(first, oldCount))
        .append(" +")
        .append(range(first + delta, newCount))
        .append(" @@\n");
    for (String b : body) out.append(b).append('\n');
    return delta + newCount - oldCount;
  }

  private static String range(int start, int count) {
    if (count == 0) return (start - 1) + ",0";
    return count == 1 ? String.valueOf(start) : start + "," + count;
  }

  /**
   * Each edit as whole old lines replaced by whole new lines, with unchanged leading/trailing lines
   * trimmed.
   */
  private static List<Change> changes(SourceLines old, List<TextEdit> edits) {
    List<Change> out = new ArrayList<>();
    String text = old.text();
    for (TextEdit e : edits) {
      int start = old.offset(e.startLine(), e.startColumn());
      int end = old.offset(e.endLine(), e.endColumn());
      int firstLine = old.lineOf(start);
      // An end at the very start of a line does not touch that line.
      int lastLine =
          end > start && end == old.lineStart(old.lineOf(end))
              ? old.lineOf(end) - 1
              : old.lineOf(end);
      lastLine = Math.max(firstLine, Math.min(lastLine, old.count()));
      int from = old.lineStart(firstLine);
      int to = old.lineEnd(lastLine);
      String oldText = text.substring(from, to);
      String newText =
          text.substring(from, start) + e.newText() + text.substring(end, Math.max(end, to));
      List<String> removed = split(oldText);
      List<String> added = split(newText);
      int lead = 0;
      while (lead < removed.size()
          && lead < added.size()
          && removed.get(lead).equals(added.get(lead))) lead++;
      int trail = 0;
      while (trail < removed.size() - lead
          && trail < added.size() - lead
          && removed.get(removed.size() - 1 - trail).equals(added.get(added.size() - 1 - trail)))
        trail++;
      out.add(
          new Change(
              firstLine + lead,
              removed.subList(lead, removed.size() - trail),
              added.subList(lead, added.size() - trail)));
    }
    return out;
  }

  private static List<String> split(String text) {
    List<String> lines = new ArrayList<>();
    if (text.isEmpty()) return lines;
    for (String l : text.split("\r\n|\r|\n", -1)) lines.add(l);
    if (lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
    return lines;
  }
}
