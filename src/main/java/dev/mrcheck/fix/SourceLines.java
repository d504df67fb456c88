package dev.mrcheck.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * A file's text with the offset of each line, to turn 1-based line/column positions into offsets.
 */
final class SourceLines {
  private final String text;
  private final List<Integer> starts = new ArrayList<>();

  SourceLines(String text) {
    this.text = text;
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')))
        starts.add(i + 1);
    }
  }

  String text() {
    return text;
  }

  /** Number of lines; a final line break does not start another line. */
  int count() {
    return starts.get(starts.size() - 1) == text.length() && starts.size() > 1
        ? starts.size() - 1
        : starts.size();
  }

  /** Line {@code line} (1-based) without its line break. */
  String line(int line) {
    int start = starts.get(line - 1);
    int end = line < starts.size() ? starts.get(line) : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
    return text.substring(start, end);
  }

  /** The offset of a 1-based position; a position past the end of the text is the end. */
  int offset(int line, int column) {
    if (line - 1 >= starts.size()) return text.length();
    return Math.min(text.length(), starts.get(line - 1) + column - 1);
  }

  int lineStart(int line) {
    return offset(line, 1);
  }

  /** The offset just after line {@code line}'s line break (or the end of the text). */
  int lineEnd(int line) {
    return line < starts.size() ? starts.get(line) : text.length();
  }

  /** The 1-based line holding {@code offset}. */
  int lineOf(int offset) {
    int lo = 0;
    int hi = starts.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts.get(mid) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}
