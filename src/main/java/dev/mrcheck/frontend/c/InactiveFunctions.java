package dev.mrcheck.frontend.c;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorElifStatement;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorElseStatement;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorEndifStatement;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorIfStatement;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorIfdefStatement;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorIfndefStatement;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorStatement;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;

/**
 * The function definitions of a file that sit in preprocessor branches the parse did not take
 * ({@code #ifdef CONFIG_...} nothing defines, {@code #if VIRGL_VERSION_MAJOR >= 1}): code the first
 * parse never sees. Counted lexically in QEMU style: a body's opening brace alone at the start of a
 * line, after a line ending in {@code )}. Also what a second parse should define to take those
 * branches ({@link Result#toTake}): the macro an {@code #ifdef} names, and the macros an {@code
 * #if} or {@code #elif} tests, with a value that satisfies the usual version tests ({@code X >= 2}:
 * 2). An {@code #ifndef} or an {@code #else} not taken is left alone: taking it needs a macro
 * undefined, and its branch usually holds the twin of a function the first parse has.
 */
final class InactiveFunctions {
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern AT_LEAST =
      Pattern.compile("(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]*)\\s*(>=|>|==)\\s*([0-9]+)");

  private InactiveFunctions() {}

  /**
   * {@code count} bodies in inactive branches, {@code inactiveLines} which lines (0-based) those
   * branches cover, {@code toTake} the macros to define (name to value) to take them.
   */
  record Result(int count, boolean[] inactiveLines, Map<String, String> toTake) {
    boolean inactive(int line) {
      return line >= 1 && line <= inactiveLines.length && inactiveLines[line - 1];
    }
  }

  static int count(IASTTranslationUnit ast, Locations locs, String text) {
    return of(ast, locs, text).count();
  }

  static Result of(IASTTranslationUnit ast, Locations locs, String text) {
    String[] lines = text.split("\n", -1);
    boolean[] inactive = new boolean[lines.length];
    Map<String, String> toTake = new LinkedHashMap<>();
    Deque<Boolean> taken = new ArrayDeque<>();
    boolean active = true;
    int from = 0;
    for (IASTPreprocessorStatement s : ast.getAllPreprocessorStatements()) {
      if (!locs.inThisFile(s)) continue;
      IASTFileLocation loc = s.getFileLocation();
      int line = loc.getStartingLineNumber() - 1;
      if (!active) for (int i = from; i < line && i < lines.length; i++) inactive[i] = true;
      if (s instanceof IASTPreprocessorIfStatement i) {
        taken.push(i.taken());
        if (!i.taken()) tested(new String(i.getCondition()), toTake);
      } else if (s instanceof IASTPreprocessorIfdefStatement i) {
        taken.push(i.taken());
        if (!i.taken()) toTake.putIfAbsent(new String(i.getCondition()).trim(), "1");
      } else if (s instanceof IASTPreprocessorIfndefStatement i) taken.push(i.taken());
      else if (s instanceof IASTPreprocessorElifStatement e && !taken.isEmpty()) {
        replaceTop(taken, e.taken());
        if (!e.taken()) tested(new String(e.getCondition()), toTake);
      } else if (s instanceof IASTPreprocessorElseStatement e && !taken.isEmpty())
        replaceTop(taken, e.taken());
      else if (s instanceof IASTPreprocessorEndifStatement && !taken.isEmpty()) taken.pop();
      active = !taken.contains(Boolean.FALSE);
      from = line + 1;
    }
    int count = 0;
    for (int i = 1; i < lines.length; i++) {
      if (!inactive[i] || !lines[i].startsWith("{")) continue;
      int j = i - 1;
      while (j > 0 && lines[j].isBlank()) j--;
      if (lines[j].stripTrailing().endsWith(")")) count++;
    }
    return new Result(count, inactive, toTake);
  }

  /**
   * The macros an {@code #if} tests, valued to make the usual tests hold: {@code defined(X)} and a
   * bare {@code X} by 1, {@code X >= N} by N, {@code X > N} by N + 1. A function-like macro ({@code
   * QEMU_GLIB_CHECK(2, 60)}) and the compiler's {@code __has_...} are left alone.
   */
  private static void tested(String condition, Map<String, String> toTake) {
    Map<String, Integer> least = new LinkedHashMap<>();
    Matcher m = AT_LEAST.matcher(condition);
    while (m.find()) {
      int n = Integer.parseInt(m.group(3)) + (m.group(2).equals(">") ? 1 : 0);
      least.merge(m.group(1), n, Math::max);
    }
    Matcher id = IDENTIFIER.matcher(condition);
    while (id.find()) {
      String name = id.group();
      if (name.equals("defined") || name.startsWith("__has")) continue;
      if (condition.substring(id.end()).stripLeading().startsWith("(")) continue;
      toTake.putIfAbsent(name, String.valueOf(least.getOrDefault(name, 1)));
    }
  }

  private static void replaceTop(Deque<Boolean> taken, boolean now) {
    taken.pop();
    taken.push(now);
  }
}
