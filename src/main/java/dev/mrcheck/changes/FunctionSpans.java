package dev.mrcheck.changes;

import java.util.ArrayList;
import java.util.List;

/**
 * The line spans of a source file's function bodies, found by counting braces (comments, string and
 * character literals and preprocessor lines skipped): the top-level {@code {...}} blocks of a C
 * file, the blocks one level inside the class of a Java file. Struct bodies and initializers come
 * out as spans too, which is harmless where it is used: deciding whether a change lies in the
 * function a finding is reported in.
 */
final class FunctionSpans {
  private final List<int[]> spans;

  private FunctionSpans(List<int[]> spans) {
    this.spans = spans;
  }

  static FunctionSpans of(String text, boolean java) {
    int level = java ? 1 : 0;
    List<int[]> spans = new ArrayList<>();
    int depth = 0;
    int line = 1;
    int open = 0;
    boolean lineStart = true;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = true;
        continue;
      }
      if (lineStart && c == '#' && !java) { // a directive, with its continuation lines
        while (i + 1 < n) {
          if (text.charAt(i + 1) == '\n') {
            if (text.charAt(i) != '\\') break;
            line++;
          }
          i++;
        }
        continue;
      }
      if (c != ' ' && c != '\t') lineStart = false;
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        while (i + 1 < n && text.charAt(i + 1) != '\n') i++;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        int stop = end < 0 ? n : end + 2;
        for (int k = i; k < stop; k++) if (text.charAt(k) == '\n') line++;
        i = stop - 1;
      } else if (c == '"' || c == '\'') {
        while (i + 1 < n && text.charAt(i + 1) != c && text.charAt(i + 1) != '\n') {
          if (text.charAt(i + 1) == '\\' && i + 2 < n && text.charAt(i + 2) != '\n') i++;
          i++;
        }
        if (i + 1 < n && text.charAt(i + 1) == c) i++;
      } else if (c == '{') {
        if (depth == level) open = line;
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
        if (depth == level) spans.add(new int[] {open, line});
      }
    }
    return new FunctionSpans(spans);
  }

  /** The span holding {@code line}, or just that line when it is outside every function. */
  int[] around(int line) {
    for (int[] s : spans) if (s[0] <= line && line <= s[1]) return s;
    return new int[] {line, line};
  }
}
