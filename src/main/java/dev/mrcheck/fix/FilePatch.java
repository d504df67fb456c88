package dev.mrcheck.fix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The edits for one file, applied together. Edits are applied from the end of the file backwards so
 * earlier positions stay valid; an edit that overlaps one already taken is skipped and reported,
 * never merged by guesswork (two fixes touching the same text need a second run).
 */
public final class FilePatch {
  private final String file;
  private final String before;
  private final List<TextEdit> applied = new ArrayList<>();
  private final List<TextEdit> skipped = new ArrayList<>();
  private final String after;

  public FilePatch(String file, String before, List<TextEdit> edits) {
    this.file = file;
    this.before = before;
    SourceLines lines = new SourceLines(before);
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(
        Comparator.comparingInt((TextEdit e) -> lines.offset(e.startLine(), e.startColumn()))
            .thenComparingInt(e -> lines.offset(e.endLine(), e.endColumn())));
    int taken = -1;
    for (TextEdit e : sorted) {
      int start = lines.offset(e.startLine(), e.startColumn());
      boolean duplicate = !applied.isEmpty() && applied.get(applied.size() - 1).equals(e);
      if (duplicate) continue;
      if (start < taken || (start == taken && !e.isInsertion())) {
        skipped.add(e);
        continue;
      }
      applied.add(e);
      taken = lines.offset(e.endLine(), e.endColumn());
    }
    StringBuilder text = new StringBuilder(before);
    for (int i = applied.size() - 1; i >= 0; i--) {
      TextEdit e = applied.get(i);
      text.replace(
          lines.offset(e.startLine(), e.startColumn()),
          lines.offset(e.endLine(), e.endColumn()),
          e.newText());
    }
    this.after = text.toString();
  }

  public String file() {
    return file;
  }

  public String before() {
    return before;
  }

  public String after() {
    return after;
  }

  public List<TextEdit> applied() {
    return List.copyOf(applied);
  }

  /** Edits left out because they overlap an applied one. */
  public List<TextEdit> skipped() {
    return List.copyOf(skipped);
  }

  public boolean changes() {
    return !before.equals(after);
  }

  /** {@code diff -u} of the change, with {@code a/} and {@code b/} prefixes as git prints them. */
  public String unifiedDiff() {
    return unifiedDiff("");
  }

  /** The same, the file named {@code prefix} + its scan-relative name. */
  public String unifiedDiff(String prefix) {
    return UnifiedDiff.of(prefix + file, new SourceLines(before), applied);
  }
}
