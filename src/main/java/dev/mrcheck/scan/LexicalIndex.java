package dev.mrcheck.scan;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cheap look at a file before parsing it: which names it calls, its {@code TYPE_X "x"} macros,
 * and the name/parent of its QOM types. Deciding relevance from this lets the scanner skip the
 * expensive parse of files that cannot matter, and still know every type's ancestry.
 */
final class LexicalIndex {
  private static final Pattern TYPE_MACRO = Pattern.compile("#\\s*define\\s+(TYPE_\\w+)\\s+\"([^\"]*)\"");
  private static final Pattern TYPE_FIELD = Pattern.compile("\\.(name|parent)\\s*=\\s*(\"[^\"]*\"|\\w+)");

  final Set<String> calledNames = new HashSet<>();
  final Map<String, String> typeMacros = new HashMap<>();
  /** Type name -> parent name, as written. */
  final Map<String, String> typeParents = new HashMap<>();

  static LexicalIndex of(String text) {
    LexicalIndex idx = new LexicalIndex();
    idx.scanCalls(text);
    if (text.contains("TYPE_")) {
      Matcher m = TYPE_MACRO.matcher(text);
      while (m.find()) idx.typeMacros.put(m.group(1), m.group(2));
    }
    if (text.contains("TypeInfo")) idx.scanTypes(text);
    return idx;
  }

  private void scanCalls(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isJavaIdentifierStart(c)) {
        int start = i;
        while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) i++;
        int j = i;
        while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) j++;
        if (j < n && text.charAt(j) == '(') calledNames.add(text.substring(start, i));
      } else if (Character.isDigit(c)) {
        while (i < n && Character.isLetterOrDigit(text.charAt(i))) i++;
      } else {
        i++;
      }
    }
  }

  private void scanTypes(String text) {
    int from = 0;
    while ((from = text.indexOf("TypeInfo", from)) >= 0) {
      int open = text.indexOf('{', from);
      if (open < 0) break;
      int depth = 0;
      int end = open;
      for (; end < text.length(); end++) {
        char c = text.charAt(end);
        if (c == '{') depth++;
        else if (c == '}' && --depth == 0) break;
      }
      String body = text.substring(open, Math.min(end + 1, text.length()));
      // Arrays of TypeInfo: each inner {...} is a type; a flat scan pairs each name with the next parent.
      String name = null;
      Matcher m = TYPE_FIELD.matcher(body);
      while (m.find()) {
        if (m.group(1).equals("name")) name = m.group(2);
        else if (name != null) {
          typeParents.putIfAbsent(name, m.group(2));
          name = null;
        }
      }
      from = end + 1;
    }
  }
}
