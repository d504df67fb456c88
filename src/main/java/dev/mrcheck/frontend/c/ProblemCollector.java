package dev.mrcheck.frontend.c;

import dev.mrcheck.ir.ParseProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTProblem;
import org.eclipse.cdt.core.dom.ast.IASTProblemDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;

/**
 * Turns CDT problem nodes into {@link ParseProblem}s. A problem declaration at file scope whose
 * text contains a function definition ({@code name(...) {} at brace depth 0) means that function
 * was lost; each lost function gets its own problem so the count of dropped functions is exact.
 */
final class ProblemCollector {
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
          "_Alignof");

  private final Locations locs;

  ProblemCollector(Locations locs) {
    this.locs = locs;
  }

  void collect(IASTProblem problem, List<ParseProblem> out) {
    IASTNode holder = problem.getParent();
    IASTNode where = holder != null ? holder : problem;
    if (!locs.inThisFile(where)) return;
    String message = problem.getMessage();
    if (holder instanceof IASTProblemDeclaration
        && holder.getParent() instanceof IASTTranslationUnit) {
      List<String> lost = definedFunctions(holder.getRawSignature());
      if (!lost.isEmpty()) {
        for (String fn : lost) {
          out.add(new ParseProblem(locs.of(where), message + " (function " + fn + " dropped)", fn));
        }
        return;
      }
    }
    out.add(new ParseProblem(locs.of(where), message, null));
  }

  /** Names of the function definitions in a piece of unparsed file-scope text. */
  static List<String> definedFunctions(String text) {
    List<String> names = new ArrayList<>();
    int depth = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char ch = text.charAt(i);
      if (ch == '"' || ch == '\'') {
        i = skipQuoted(text, i, ch);
      } else if (ch == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 1;
      } else if (ch == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        int end = text.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (ch == '{') {
        if (depth == 0) {
          String name = functionBefore(text, i);
          if (name != null) names.add(name);
        }
        depth++;
      } else if (ch == '}') {
        depth = Math.max(0, depth - 1);
      }
    }
    return names;
  }

  /** For {@code ... name(args) {}, the name; null if the brace does not follow a parameter list. */
  private static String functionBefore(String text, int brace) {
    int i = brace - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
    if (i < 0 || text.charAt(i) != ')') return null;
    int depth = 0;
    for (; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == ')') depth++;
      else if (c == '(' && --depth == 0) break;
    }
    if (i < 0) return null;
    i--;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
    int end = i + 1;
    while (i >= 0 && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) i--;
    String name = text.substring(i + 1, end);
    if (name.isEmpty() || Character.isDigit(name.charAt(0)) || NOT_FUNCTIONS.contains(name))
      return null;
    return name;
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
