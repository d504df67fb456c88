package dev.mrcheck.frontend;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A lexical pass over C or Java text, before any parser sees it: the outermost function bodies
 * ({@code name(...) {...}}, in Java also {@code name(...) throws X {...}}) with how deep brackets
 * nest in each, where a {@code /*} comment is left open, and which {@code #if} has no {@code
 * #endif} (a C preprocessor conditional open at the end of the file). Comments, strings and
 * character literals are skipped; preprocessor lines are read as code, which is close enough for
 * bracket counting. Iterative, so no input can overflow it.
 */
public final class SourceShape {
  private static final Set<String> NOT_FUNCTIONS =
      Set.of(
          "if",
          "while",
          "for",
          "switch",
          "sizeof",
          "return",
          "typeof",
          "__typeof__",
          "__attribute__",
          "defined",
          "alignof",
          "_Alignof",
          "catch",
          "synchronized",
          "try",
          "new",
          "throw");

  /**
   * One outermost function body: {@code name} and where it is spelled, the offsets of its
   * braces ({@code close} is the text's length if it is never closed), and the deepest nesting of
   * {@code ( [ {} inside it, counting its own brace as 1.
   */
  public record Body(String name, int nameOffset, int open, int close, int depth) {}

  private final List<Body> bodies;
  private final int openComment;
  private final int openConditional;

  private SourceShape(List<Body> bodies, int openComment, List<Integer> openIfs) {
    this.bodies = List.copyOf(bodies);
    this.openComment = openComment;
    this.openConditional = openIfs.isEmpty() ? -1 : openIfs.get(openIfs.size() - 1);
  }

  /**
   * Offset of the {@code #} of an {@code #if}, {@code #ifdef} or {@code #ifndef} never closed by
   * {@code #endif}, or -1.
   */
  public int openConditional() {
    return openConditional;
  }

  /** The outermost function bodies, in text order. */
  public List<Body> bodies() {
    return bodies;
  }

  /** Offset of a {@code /*} that is never closed, or -1. */
  public int openComment() {
    return openComment;
  }

  public static SourceShape of(String text) {
    List<Body> bodies = new ArrayList<>();
    int n = text.length();
    int depth = 0;
    int bodyBase = -1; // depth outside the current body, or -1 outside any body
    int bodyOpen = -1;
    int bodyMax = 0;
    String bodyName = null;
    int bodyNameAt = -1;
    List<Integer> openIfs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      char ch = text.charAt(i);
      if (ch == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        if (end < 0) {
          if (bodyBase >= 0) bodies.add(new Body(bodyName, bodyNameAt, bodyOpen, n, bodyMax));
          return new SourceShape(bodies, i, openIfs);
        }
        i = end + 1;
      } else if (ch == '#' && startsLine(text, i)) {
        String directive = identifierAt(text, skipBlanks(text, i + 1));
        if (directive.equals("if") || directive.equals("ifdef") || directive.equals("ifndef")) {
          openIfs.add(i);
        } else if (directive.equals("endif") && !openIfs.isEmpty()) {
          openIfs.remove(openIfs.size() - 1);
        }
      } else if (ch == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        int end = text.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (ch == '"' && text.startsWith("\"\"\"", i)) {
        int end = text.indexOf("\"\"\"", i + 3); // a Java text block
        i = end < 0 ? n : end + 2;
      } else if (ch == '"' || ch == '\'') {
        i = skipQuoted(text, i, ch);
      } else if (ch == '(' || ch == '[' || ch == '{') {
        if (ch == '{' && bodyBase < 0) {
          int nameAt = functionBefore(text, i);
          if (nameAt >= 0) {
            bodyBase = depth;
            bodyOpen = i;
            bodyMax = 0;
            bodyNameAt = nameAt;
            bodyName = identifierAt(text, nameAt);
          }
        }
        depth++;
        if (bodyBase >= 0) bodyMax = Math.max(bodyMax, depth - bodyBase);
      } else if (ch == ')' || ch == ']' || ch == '}') {
        depth = Math.max(0, depth - 1);
        if (ch == '}' && bodyBase >= 0 && depth <= bodyBase) {
          bodies.add(new Body(bodyName, bodyNameAt, bodyOpen, i, bodyMax));
          bodyBase = -1;
        }
      }
    }
    if (bodyBase >= 0) bodies.add(new Body(bodyName, bodyNameAt, bodyOpen, n, bodyMax));
    return new SourceShape(bodies, -1, openIfs);
  }

  /** Whether only blanks precede offset {@code i} on its line (a preprocessor directive). */
  private static boolean startsLine(String text, int i) {
    for (int j = i - 1; j >= 0; j--) {
      char c = text.charAt(j);
      if (c == '\n') return true;
      if (c != ' ' && c != '\t') return false;
    }
    return true;
  }

  private static int skipBlanks(String text, int i) {
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
    return i;
  }

  /**
   * For a brace that follows a parameter list ({@code name(args) {} or {@code name(args) throws A, B {}),
   * the offset of {@code name}; -1 otherwise.
   */
  private static int functionBefore(String text, int brace) {
    int i = skipSpaceBack(text, brace - 1);
    int afterThrows = throwsClauseStart(text, i);
    if (afterThrows >= 0) i = skipSpaceBack(text, afterThrows - 1);
    if (i < 0 || text.charAt(i) != ')') return -1;
    int depth = 0;
    for (; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == ')') depth++;
      else if (c == '(' && --depth == 0) break;
    }
    if (i < 0) return -1;
    i = skipSpaceBack(text, i - 1);
    int end = i + 1;
    while (i >= 0 && isIdentifierPart(text.charAt(i))) i--;
    String name = text.substring(i + 1, end);
    if (name.isEmpty() || Character.isDigit(name.charAt(0)) || NOT_FUNCTIONS.contains(name))
      return -1;
    return i + 1;
  }

  /**
   * If the text ending at {@code last} is {@code throws A, b.C}, the offset of {@code throws}; else
   * -1.
   */
  private static int throwsClauseStart(String text, int last) {
    int i = last;
    while (i >= 0) {
      char c = text.charAt(i);
      if (isIdentifierPart(c) || c == '.' || c == ',' || Character.isWhitespace(c)) {
        if (c == 's'
            && text.startsWith("throws", i - 5)
            && (i - 6 < 0 || !isIdentifierPart(text.charAt(i - 6)))) {
          return i - 5;
        }
        i--;
      } else {
        return -1;
      }
    }
    return -1;
  }

  private static int skipSpaceBack(String text, int i) {
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
    return i;
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static String identifierAt(String text, int start) {
    int end = start;
    while (end < text.length() && isIdentifierPart(text.charAt(end))) end++;
    return text.substring(start, end);
  }

  private static int skipQuoted(String text, int start, char quote) {
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') i++;
      else if (c == quote || c == '\n') return i;
    }
    return text.length();
  }
}
