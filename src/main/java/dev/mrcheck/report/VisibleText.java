package dev.mrcheck.report;

/**
 * Text from the scanned tree (file names, region paths and expressions, function names, messages
 * quoting source) made safe to show: every control character becomes a visible escape, as compilers
 * and {@code ls -b} print them. A file named {@code "a\nfake.c:1:1: error: ..."} then cannot forge
 * a diagnostic line, and one containing {@code ESC [2J} cannot clear the terminal. {@code \n},
 * {@code \r}, {@code \t} get their C escapes, other C0 controls and DEL three-digit octal ({@code
 * \033}), C1 controls, the Unicode line and paragraph separators and the bidirectional overrides
 * (which reorder what a terminal or browser shows) {@code \}{@code uXXXX}. Everything else, the
 * backslash included, is left as it is. Every report and the language server show tree text through
 * this class.
 */
public final class VisibleText {
  private VisibleText() {}

  /** {@code s} with every control character escaped (null becomes empty). */
  public static String of(String s) {
    if (s == null) return "";
    if (!needsEscape(s)) return s;
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) append(b, s.charAt(i));
    return b.toString();
  }

  /** Appends {@code c}, escaped when it is a control character. */
  static void append(StringBuilder b, char c) {
    if (!isControl(c)) {
      b.append(c);
      return;
    }
    switch (c) {
      case '\n' -> b.append("\\n");
      case '\r' -> b.append("\\r");
      case '\t' -> b.append("\\t");
      default -> {
        if (c < 0x80) {
          b.append('\\')
              .append((char) ('0' + (c >> 6)))
              .append((char) ('0' + ((c >> 3) & 7)))
              .append((char) ('0' + (c & 7)));
        } else {
          b.append(String.format("\\u%04x", (int) c));
        }
      }
    }
  }

  /**
   * C0 and C1 controls, DEL, the line/paragraph separators and the bidi embedding, override and
   * isolate characters: what moves the cursor, drives the terminal or reorders the line.
   */
  static boolean isControl(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }

  private static boolean needsEscape(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isControl(s.charAt(i))) return true;
    }
    return false;
  }
}
