package dev.mrcheck.changes;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the changed lines of the new side out of a {@code git diff --unified=0} text: the file
 * names from {@code +++ b/...} (so a renamed file is known by its new name and a deleted one is
 * dropped), the lines from the hunk headers. A hunk that only deletes ({@code +c,0}) marks the
 * lines around the deletion point, {@code c} and {@code c+1}: removing a {@code
 * memory_region_del_subregion} line is a change to the code on both sides of it.
 */
final class UnifiedDiff {
  private static final Pattern HUNK =
      Pattern.compile("^@@@? -[0-9,]+ (?:-[0-9,]+ )?\\+(\\d+)(?:,(\\d+))? @@");

  private UnifiedDiff() {}

  /** Repository-relative path -> changed lines of the new version. */
  static Map<String, LineRanges> parse(String diff) {
    Map<String, LineRanges.Builder> files = new LinkedHashMap<>();
    LineRanges.Builder current = null;
    boolean inHeader =
        false; // between "diff ..." and the first hunk: an added "++ x" line is not a name
    for (String line : diff.split("\n", -1)) {
      if (line.startsWith("diff ")) {
        current = null;
        inHeader = true;
      } else if (inHeader && line.startsWith("+++ ")) {
        String name = newName(line.substring(4));
        current = name == null ? null : files.computeIfAbsent(name, k -> new LineRanges.Builder());
      } else if (line.startsWith("@@")) {
        inHeader = false;
        Matcher m = HUNK.matcher(line);
        if (current == null || !m.find()) continue;
        int start = Integer.parseInt(m.group(1));
        int count = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        if (count == 0) current.add(Math.max(1, start), start + 1);
        else current.add(start, start + count - 1);
      }
    }
    Map<String, LineRanges> out = new LinkedHashMap<>();
    files.forEach((k, v) -> out.put(k, v.build()));
    return out;
  }

  /**
   * The path after {@code b/}; null for {@code /dev/null}. Git adds a tab after names with blanks
   * and C-quotes unusual ones.
   */
  private static String newName(String raw) {
    String name = raw.endsWith("\t") ? raw.substring(0, raw.length() - 1) : raw;
    if (name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2)
      name = unquote(name.substring(1, name.length() - 1));
    if (name.equals("/dev/null")) return null;
    return name.startsWith("b/") ? name.substring(2) : name;
  }

  /** Git's C-style quoting: backslash escapes and octal bytes of the UTF-8 name. */
  static String unquote(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      char e = s.charAt(++i);
      if (e >= '0' && e <= '7' && i + 2 < s.length()) {
        out.write(Integer.parseInt(s.substring(i, i + 3), 8));
        i += 2;
        continue;
      }
      out.write(
          switch (e) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'a' -> 7;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'v' -> 11;
            default -> e;
          });
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
