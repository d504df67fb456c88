package dev.mrcheck.fix;

import java.nio.charset.StandardCharsets;

/**
 * A file name in a unified diff's {@code ---}/{@code +++} lines, written as {@code git diff} writes
 * it, so that both {@code git apply} and {@code patch -p1} read it back: a name with a double
 * quote, a backslash, a control character or a non-ASCII byte is C-quoted with its prefix ({@code
 * "a/quo\"te.c"}, octal for other bytes, as git's {@code core.quotePath} does); a name with a space
 * is followed by a tab, which ends the name for {@code patch} (it would otherwise stop at the
 * space).
 */
final class DiffHeaderPath {
  private DiffHeaderPath() {}

  /** {@code side} is {@code a/} or {@code b/}. */
  static String of(String side, String path) {
    String name = side + path;
    if (needsQuotes(name)) return quoted(name);
    return name.indexOf(' ') >= 0 ? name + "\t" : name;
  }

  private static boolean needsQuotes(String name) {
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c >= 0x80) return true;
    }
    return false;
  }

  private static String quoted(String name) {
    StringBuilder b = new StringBuilder("\"");
    for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      switch (c) {
        case 0x07 -> b.append("\\a");
        case '\b' -> b.append("\\b");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case 0x0b -> b.append("\\v");
        case '\f' -> b.append("\\f");
        case '\r' -> b.append("\\r");
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20 || c >= 0x7f)
            b.append('\\').append(Integer.toOctalString(0x200 | c).substring(1));
          else b.append((char) c);
        }
      }
    }
    return b.append('"').toString();
  }
}
