package dev.mrcheck.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cheap look at a file before parsing it: which names it calls, its {@code TYPE_X "x"} macros,
 * and its QOM type registrations. Deciding relevance from this lets the scanner skip the expensive
 * parse of files that cannot matter, and still know every type's ancestry.
 */
final class LexicalIndex {
  private static final Pattern TYPE_MACRO =
      Pattern.compile("#\\s*define\\s+(TYPE_\\w+)\\s+\"([^\"]*)\"");
  final Set<String> calledNames = new HashSet<>();

  /**
   * Names declared or defined as functions at file scope (not in {@link #calledNames} for that).
   */
  final Set<String> declaredNames = new HashSet<>();

  final Map<String, String> typeMacros = new HashMap<>();

  /** The QOM types this file registers, with what their class_init sets. */
  final List<LexicalType> types = new ArrayList<>();

  static LexicalIndex of(String text) {
    LexicalIndex idx = new LexicalIndex();
    idx.scanCalls(text);
    if (text.contains("TYPE_")) {
      Matcher m = TYPE_MACRO.matcher(text);
      for (int from = 0; find(m, text, "#", from); from = m.end())
        idx.typeMacros.put(m.group(1), m.group(2));
    }
    idx.types.addAll(LexicalTypeInfo.read(text));
    return idx;
  }

  /**
   * Every {@code name(} outside comments and literals, except where it defines or declares {@code
   * name}: at file scope (brace depth 0, not in a preprocessor directive) after a type word or
   * {@code *} ({@code static int foo(}, {@code char *foo(}). Without that exception every file
   * defining a function that shares a name with one reaching the API is parsed: QEMU's 1,000 test
   * programs for their {@code main} alone. A call keeps counting wherever it is: inside a body, in
   * a macro's definition, or at depth 0 after {@code =}, {@code ;}, {@code return} (braces
   * unbalanced by {@code #if} branches can only make a definition look like a call, never the
   * reverse).
   */
  private void scanCalls(String source) {
    // An array, not charAt: a file with one non-Latin-1 character is a UTF-16 string, whose
    // charAt checks its index on every call (nearly half of this pass's profile samples on QEMU).
    char[] text = source.toCharArray();
    int n = text.length;
    int i = 0;
    int depth = 0;
    boolean directive = false;
    boolean lineStart = true;
    // The word before (its bounds), when nothing but blanks separate them; -1 when there is none.
    // Bounds, not a string: only the few words before a '(' are ever looked at.
    int previousStart = -1;
    int previousEnd = -1;
    char previous = ';';
    while (i < n) {
      char c = text[i];
      if (c == '\n') {
        if (directive && !(i > 0 && text[i - 1] == '\\')) {
          // What follows a directive is not declared by its last word (#endif, #include <x.h>).
          directive = false;
          previous = ';';
          previousStart = -1;
        }
        lineStart = true;
        i++;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
        i++;
        continue;
      }
      if (lineStart && c == '#') directive = true;
      lineStart = false;
      if (c == '/' && i + 1 < n && text[i + 1] == '*') {
        int close = commentEnd(text, i + 2);
        i = close < 0 ? n : close + 2;
        continue;
      }
      if (c == '/' && i + 1 < n && text[i + 1] == '/') {
        while (i < n && text[i] != '\n') i++;
        continue;
      }
      if (c == '"' || c == '\'') {
        i = skipLiteral(text, i, c);
        previous = c;
        previousStart = -1;
        continue;
      }
      if (Character.isJavaIdentifierStart(c)) {
        int start = i;
        while (i < n && Character.isJavaIdentifierPart(text[i])) i++;
        int j = i;
        while (j < n && (text[j] == ' ' || text[j] == '\t')) j++;
        if (j < n && text[j] == '(') {
          String word = new String(text, start, i - start);
          String previousWord =
              previousStart < 0
                  ? null
                  : new String(text, previousStart, previousEnd - previousStart);
          if (depth == 0 && !directive && declares(previous, previousWord)) declaredNames.add(word);
          else calledNames.add(word);
        }
        previousStart = start;
        previousEnd = i;
        previous = 'a';
        continue;
      }
      if (Character.isDigit(c)) {
        while (i < n && Character.isLetterOrDigit(text[i])) i++;
        previous = '0';
        previousStart = -1;
        continue;
      }
      if (!directive) {
        if (c == '{') depth++;
        else if (c == '}' && depth > 0) depth--;
      }
      previous = c;
      previousStart = -1;
      i++;
    }
  }

  /**
   * The next match of {@code m}'s pattern at or after {@code from}, as {@code m.find(from)} finds
   * it, for a pattern whose every match starts with {@code prefix}: only where the prefix occurs is
   * a match tried. The search a pattern starting with a word boundary or a character class makes
   * otherwise tries every offset of the file (a tenth of the lexical pass on QEMU).
   */
  static boolean find(Matcher m, String text, String prefix, int from) {
    m.useTransparentBounds(true).useAnchoringBounds(false);
    for (int at = text.indexOf(prefix, from); at >= 0; at = text.indexOf(prefix, at + 1)) {
      m.region(at, text.length());
      if (m.lookingAt()) return true;
    }
    return false;
  }

  /** Words after which {@code name(} at file scope is still an expression, not a declarator. */
  private static final Set<String> EXPRESSION_KEYWORDS =
      Set.of(
          "return",
          "else",
          "do",
          "case",
          "sizeof",
          "typeof",
          "__typeof__",
          "goto",
          "throw",
          "new",
          "yield",
          "assert");

  /**
   * Whether {@code name(} after this is a function's declarator: after a type word or a pointer
   * star.
   */
  private static boolean declares(char previous, String previousWord) {
    if (previous == '*') return true;
    return previousWord != null && !EXPRESSION_KEYWORDS.contains(previousWord);
  }

  /** The index just past the string or character literal opening at {@code from}. */
  private static int skipLiteral(char[] text, int from, char quote) {
    int i = from + 1;
    int n = text.length;
    while (i < n) {
      char c = text[i];
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == quote || c == '\n') return i + 1;
      i++;
    }
    return n;
  }

  /** Where the star-slash closing a comment whose text starts at {@code from} is, or -1. */
  private static int commentEnd(char[] text, int from) {
    for (int i = from; i + 1 < text.length; i++) {
      if (text[i] == '*' && text[i + 1] == '/') return i;
    }
    return -1;
  }

  /**
   * Where the body of the first {@code name(params) {} in {@code text} opens (the parameters hold
   * none of {@code ;{}()}), or -1: a hand-written {@code \bname\s*\([^;{}()]*\)\s*\{},
   * since a compiled pattern per class_init, run over the whole file, cost more than the rest of
   * the index.
   */
  static int definitionBody(String text, String name) {
    if (name.isEmpty() || !name.chars().allMatch(LexicalIndex::wordChar)) return -1;
    int n = text.length();
    for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      if (at > 0 && wordChar(text.charAt(at - 1))) continue;
      int i = skipBlanks(text, at + name.length());
      if (i >= n || text.charAt(i) != '(') continue;
      i++;
      while (i < n && ";{}()".indexOf(text.charAt(i)) < 0) i++;
      if (i >= n || text.charAt(i) != ')') continue;
      i = skipBlanks(text, i + 1);
      if (i < n && text.charAt(i) == '{') return i;
    }
    return -1;
  }

  /** A character of {@code \w} (what {@code \b} tells apart from the rest). */
  private static boolean wordChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** Past {@code \s*}. */
  private static int skipBlanks(String text, int i) {
    while (i < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0) i++;
    return i;
  }

  static int closingBrace(String text, int open) {
    int depth = 0;
    int end = open;
    for (; end < text.length(); end++) {
      char c = text.charAt(end);
      if (c == '{') depth++;
      else if (c == '}' && --depth == 0) break;
    }
    return end;
  }
}
