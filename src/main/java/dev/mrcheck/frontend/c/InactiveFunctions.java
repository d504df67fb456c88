package dev.mrcheck.frontend.c;

import java.util.ArrayDeque;
import java.util.Deque;
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
 * Counts the function definitions of a file that sit in preprocessor branches the parse did not
 * take ({@code #ifdef CONFIG_...} nothing defines, {@code #if VIRGL_VERSION_MAJOR >= 1}): code the
 * analysis never sees. Counted lexically in QEMU style: a body's opening brace alone at the start
 * of a line, after a line ending in {@code )}.
 */
final class InactiveFunctions {
  private InactiveFunctions() {}

  static int count(IASTTranslationUnit ast, Locations locs, String text) {
    String[] lines = text.split("\n", -1);
    boolean[] inactive = new boolean[lines.length];
    Deque<Boolean> taken = new ArrayDeque<>();
    boolean active = true;
    int from = 0;
    for (IASTPreprocessorStatement s : ast.getAllPreprocessorStatements()) {
      if (!locs.inThisFile(s)) continue;
      IASTFileLocation loc = s.getFileLocation();
      int line = loc.getStartingLineNumber() - 1;
      if (!active) for (int i = from; i < line && i < lines.length; i++) inactive[i] = true;
      if (s instanceof IASTPreprocessorIfStatement i) taken.push(i.taken());
      else if (s instanceof IASTPreprocessorIfdefStatement i) taken.push(i.taken());
      else if (s instanceof IASTPreprocessorIfndefStatement i) taken.push(i.taken());
      else if (s instanceof IASTPreprocessorElifStatement e && !taken.isEmpty())
        replaceTop(taken, e.taken());
      else if (s instanceof IASTPreprocessorElseStatement e && !taken.isEmpty())
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
    return count;
  }

  private static void replaceTop(Deque<Boolean> taken, boolean now) {
    taken.pop();
    taken.push(now);
  }
}
