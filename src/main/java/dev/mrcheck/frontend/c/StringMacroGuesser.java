package dev.mrcheck.frontend.c;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses the string macros a file takes from headers mrcheck does not read: an upper-case name
 * pasted next to a string literal ({@code TYPE_MY_DEV "-mmio"}, {@code "x=%" FMT_X}) can only be
 * one. Each guess becomes {@code #define NAME "NAME"}, enough for CDT to parse the concatenation
 * instead of dropping the statement. Names the file defines itself, and the literal prefixes {@code
 * L}, {@code U}, {@code u8}, are left alone.
 */
final class StringMacroGuesser {
  private static final Pattern DEFINE = Pattern.compile("#\\s*define\\s+([A-Za-z_]\\w*)");
  private static final Set<String> PREFIXES = Set.of("L", "U", "u", "u8");
  private static final Set<String> PRELUDE_NAMES = definedNames(Prelude.text());

  private StringMacroGuesser() {}

  /** The definitions to inject before {@code text}; empty when there is nothing to guess. */
  static String definitionsFor(String text) {
    Set<String> guesses = new TreeSet<>();
    String prevIdent = null; // identifier immediately before the current token, if any
    boolean prevString = false;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        continue;
      }
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        int end = text.indexOf('\n', i);
        i = end < 0 ? n : end;
        continue;
      }
      if (Character.isWhitespace(c) || c == '\\') {
        i++;
        continue;
      }
      if (c == '"') {
        if (prevIdent != null) guesses.add(prevIdent);
        i = endOfQuoted(text, i, '"');
        prevIdent = null;
        prevString = true;
        continue;
      }
      if (c == '\'') {
        i = endOfQuoted(text, i, '\'');
        prevIdent = null;
        prevString = false;
        continue;
      }
      if (Character.isJavaIdentifierStart(c)) {
        int start = i;
        while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) i++;
        String word = upperName(text, start, i) ? text.substring(start, i) : null;
        boolean candidate = word != null && !PREFIXES.contains(word);
        if (prevString && candidate) guesses.add(word);
        prevIdent = candidate ? word : null;
        prevString = false;
        continue;
      }
      if (Character.isDigit(c)) {
        while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) i++;
      } else {
        i++;
      }
      prevIdent = null;
      prevString = false;
    }
    if (guesses.isEmpty()) return "";
    guesses.removeAll(definedNames(text));
    guesses.removeAll(PRELUDE_NAMES);
    StringBuilder b = new StringBuilder();
    for (String g : guesses) b.append("#define ").append(g).append(" \"").append(g).append("\"\n");
    return b.toString();
  }

  /**
   * Whether {@code text[start, end)} is an upper-case name, {@code [A-Z][A-Z0-9_]*[A-Z][A-Z0-9_]*}:
   * tested by hand because it runs on every word of every parsed file.
   */
  static boolean upperName(CharSequence text, int start, int end) {
    if (end - start < 2 || !upper(text.charAt(start))) return false;
    boolean secondUpper = false;
    for (int k = start + 1; k < end; k++) {
      char c = text.charAt(k);
      if (upper(c)) secondUpper = true;
      else if (!(c >= '0' && c <= '9') && c != '_') return false;
    }
    return secondUpper;
  }

  private static boolean upper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static Set<String> definedNames(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = DEFINE.matcher(text);
    while (m.find()) names.add(m.group(1));
    return names;
  }

  private static int endOfQuoted(String text, int start, char quote) {
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') i++;
      else if (c == quote || c == '\n') return i + 1;
    }
    return text.length();
  }
}
