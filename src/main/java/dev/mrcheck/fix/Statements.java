package dev.mrcheck.fix;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the fixers need to know about the C statement on a line. */
final class Statements {
  /**
   * {@code object_unparent(OBJECT(x));} or {@code object_unparent(x);}; group 1 or 2 is the region.
   */
  static final Pattern UNPARENT =
      Pattern.compile(
          "object_unparent\\s*\\(\\s*(?:OBJECT\\s*\\(\\s*(.+?)\\s*\\)|(.+?))\\s*\\)\\s*;");

  private static final Pattern CONTROL_HEADER =
      Pattern.compile("^(?:}\\s*)?(?:else\\b.*|(?:if|while|for)\\b.*\\))$");

  private Statements() {}

  /**
   * The file of the finding, if its line can take a statement edit: the file reads, the line
   * exists, and the statement there is not the unbraced body of a control statement.
   */
  static SourceLines editableAt(SourceTexts texts, String file, int line) {
    String text = texts.read(file);
    if (text == null) return null;
    SourceLines lines = new SourceLines(text);
    if (line < 1 || line > lines.count() || isUnbracedBody(lines, line)) return null;
    return lines;
  }

  static String indentOf(String line) {
    return line.substring(0, line.length() - line.stripLeading().length());
  }

  /**
   * True when the statement on {@code line} is the unbraced body of an if/else/while/for: adding a
   * statement before it, or removing it, would change what the condition governs.
   */
  static boolean isUnbracedBody(SourceLines lines, int line) {
    for (int l = line - 1; l >= 1; l--) {
      String prev = stripComment(lines.line(l)).strip();
      if (prev.isEmpty()) continue;
      return CONTROL_HEADER.matcher(prev).matches();
    }
    return false;
  }

  private static String stripComment(String line) {
    int c = line.indexOf("//");
    return c < 0 ? line : line.substring(0, c);
  }

  /** The unparent call on the line, if the line has one. */
  static Matcher unparent(String line) {
    Matcher m = UNPARENT.matcher(line);
    return m.find() ? m : null;
  }
}
