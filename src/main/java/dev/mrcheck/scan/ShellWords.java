package dev.mrcheck.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line as a POSIX shell would, without expanding anything: blanks separate words,
 * {@code '...'} is literal, {@code "..."} keeps blanks and takes {@code \} before {@code $ ` " \}
 * and newline, a backslash outside quotes escapes the next character. This is how the {@code
 * command} field of a compilation database is meant to be read (meson quotes {@code -DNAME="value"}
 * as {@code '-DNAME="value"'}).
 */
final class ShellWords {
  private ShellWords() {}

  /** The words of {@code line}; an unterminated quote is an {@link IllegalArgumentException}. */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int n = line.length();
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) throw new IllegalArgumentException("unterminated ' quote");
        word.append(line, i + 1, end);
        i = end;
        inWord = true;
      } else if (c == '"') {
        i = doubleQuoted(line, i + 1, word);
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 < n && line.charAt(i + 1) != '\n') word.append(line.charAt(i + 1));
        i++;
        inWord = true;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (inWord) words.add(word.toString());
        word.setLength(0);
        inWord = false;
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) words.add(word.toString());
    return words;
  }

  /**
   * Appends the text of a {@code "..."} that starts at {@code from}; returns the index of the
   * closing quote.
   */
  private static int doubleQuoted(String line, int from, StringBuilder word) {
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') return i;
      if (c == '\\' && i + 1 < line.length() && "$`\"\\\n".indexOf(line.charAt(i + 1)) >= 0) {
        if (line.charAt(i + 1) != '\n') word.append(line.charAt(i + 1));
        i++;
      } else {
        word.append(c);
      }
    }
    throw new IllegalArgumentException("unterminated \" quote");
  }
}
