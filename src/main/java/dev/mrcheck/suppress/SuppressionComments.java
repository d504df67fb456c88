package dev.mrcheck.suppress;

import dev.mrcheck.ir.SourceLoc;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code mrcheck: ignore} comments from a C or Java file's text, lexically: comments are
 * found by skipping string and character literals, never through a parser, so a file that does not
 * parse still has its suppressions. Accepted forms:
 *
 * <pre>
 *   /* mrcheck: ignore MR002 -- the bus outlives the device *&#47;
 *   // mrcheck: ignore[MR002,MR004] -- reason
 * </pre>
 */
public final class SuppressionComments {
  /** Cheap pre-check: files without this text have no suppression and are not lexed. */
  static final String MARKER = "mrcheck:";

  private static final Pattern DIRECTIVE =
      Pattern.compile(
          "^\\s*\\*?\\s*mrcheck:\\s*ignore\\b\\s*(\\[[^\\]]*\\]|[A-Za-z0-9_]+(?:\\s*,\\s*[A-Za-z0-9_]+)*)?\\s*(?:--(.*))?$",
          Pattern.DOTALL);
  private static final Pattern ID = Pattern.compile("[A-Za-z]+[0-9]+");

  private SuppressionComments() {}

  public static List<Suppression> read(String file, String text) {
    if (!text.contains(MARKER)) return List.of();
    List<Suppression> out = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    int line = 1;
    int lineStart = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
        continue;
      }
      if (c == '"' || c == '\'') {
        int end = skipLiteral(text, i);
        for (int k = i + 1; k < end && k < n; k++) {
          if (text.charAt(k) == '\n') {
            line++;
            lineStart = k + 1;
          }
        }
        i = end;
        continue;
      }
      if (c != '/' || i + 1 >= n) continue;
      char next = text.charAt(i + 1);
      if (next == '/') {
        int end = i + 2;
        while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') end++;
        directive(
                file,
                text.substring(i + 2, end),
                line,
                line,
                i - lineStart + 1,
                text.substring(lineStart, i).isBlank(),
                lines)
            .ifPresent(out::add);
        i = end - 1;
      } else if (next == '*') {
        int close = text.indexOf("*/", i + 2);
        int end = close < 0 ? n : close;
        int startLine = line;
        int column = i - lineStart + 1;
        boolean alone = text.substring(lineStart, i).isBlank();
        for (int k = i + 2; k < end; k++) {
          if (text.charAt(k) == '\n') {
            line++;
            lineStart = k + 1;
          }
        }
        directive(file, text.substring(i + 2, end), startLine, line, column, alone, lines)
            .ifPresent(out::add);
        i = close < 0 ? n : close + 1;
      }
    }
    return out;
  }

  /**
   * The index of the closing quote of the literal opened at {@code start} (Java text blocks
   * included).
   */
  private static int skipLiteral(String text, int start) {
    char quote = text.charAt(start);
    if (quote == '"' && text.startsWith("\"\"\"", start)) {
      int close = text.indexOf("\"\"\"", start + 3);
      return close < 0 ? text.length() : close + 2;
    }
    for (int k = start + 1; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '\\') k++;
      else if (c == quote || c == '\n') return k;
    }
    return text.length();
  }

  private static java.util.Optional<Suppression> directive(
      String file,
      String body,
      int startLine,
      int endLine,
      int column,
      boolean aloneOnLine,
      String[] lines) {
    String flat = body.replaceAll("\\s*\\R\\s*\\*?\\s*", " ").strip();
    Matcher m = DIRECTIVE.matcher(flat);
    if (!m.matches()) return java.util.Optional.empty();
    Set<String> rules = new LinkedHashSet<>();
    if (m.group(1) != null) {
      Matcher id = ID.matcher(m.group(1));
      while (id.find()) rules.add(id.group().toUpperCase(Locale.ROOT));
    }
    String reason = m.group(2) == null ? "" : m.group(2).strip();
    int last = aloneOnLine ? nextCodeLine(lines, endLine) : endLine;
    SourceLoc loc = SourceLoc.of(file, startLine, column);
    return java.util.Optional.of(
        new Suppression(loc, rules, reason, startLine, last, flat.replaceAll("\\s+", " ")));
  }

  /**
   * The line a comment alone on its line speaks about: the next one that is neither blank nor
   * another comment, so stacked suppressions for several rules all reach the code below them.
   */
  private static int nextCodeLine(String[] lines, int endLine) {
    for (int l = endLine + 1; l <= lines.length; l++) {
      String t = lines[l - 1].strip();
      if (t.isEmpty() || t.startsWith("//") || t.startsWith("/*") || t.startsWith("*")) continue;
      return l;
    }
    return endLine + 1;
  }
}
