package dev.mrcheck.frontend.c;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTStatement;

/**
 * The text the second parse of a file reads ({@code CFrontend.secondPass}): the first parse's text
 * with the function bodies blanked whose second reading is thrown away anyway, so CDT parses the
 * declarations and the code of the untaken branches, not the whole file twice (on QEMU the second
 * parse was a sixth of all parsing).
 *
 * <p>The second parse keeps only definitions that start in a line the first parse did not take, and
 * the readings of first-parse functions whose lines include one it did not take. So a first-parse
 * definition whose lines were all taken is read for nothing. Its body is blanked (spaces, newlines
 * kept, so every line keeps its number and offset) when nothing in it can reach past it:
 *
 * <ul>
 *   <li>no line of it starts with {@code #}: no directive inside defines, undefines or opens
 *       anything the rest of the file sees under the second parse's macros;
 *   <li>its braces are the file's own text at the body's offsets (not a macro's expansion), so the
 *       blank covers exactly the body.
 * </ul>
 *
 * Without directives the body's tokens are the same in both parses except for the macros the second
 * parse defines (object-like, to numbers), which change no bracket: CDT ends the body at the same
 * brace, and the declarations after it read the same.
 */
final class SecondParseText {
  private SecondParseText() {}

  /**
   * {@code text} (what the first parse read) with the bodies of {@code definitions} (the first
   * parse's) blanked that lie in taken lines only.
   */
  static String of(
      String text, List<IASTFunctionDefinition> definitions, InactiveFunctions.Result inactive) {
    List<int[]> blank = new ArrayList<>();
    for (IASTFunctionDefinition def : definitions) {
      IASTFileLocation whole = def.getFileLocation();
      IASTStatement body = def.getBody();
      IASTFileLocation braces = body == null ? null : body.getFileLocation();
      if (whole == null || braces == null) continue;
      if (anyInactive(inactive, whole.getStartingLineNumber(), whole.getEndingLineNumber()))
        continue;
      int open = braces.getNodeOffset();
      int close = open + braces.getNodeLength() - 1;
      if (open < 0 || close >= text.length() || close <= open) continue;
      if (text.charAt(open) != '{' || text.charAt(close) != '}') continue;
      if (holdsDirective(text, open, close)) continue;
      blank.add(new int[] {open, close});
    }
    if (blank.isEmpty()) return text;
    char[] chars = text.toCharArray();
    for (int[] b : blank) {
      for (int i = b[0] + 1; i < b[1]; i++)
        if (chars[i] != '\n' && chars[i] != '\r') chars[i] = ' ';
    }
    return new String(chars);
  }

  private static boolean anyInactive(InactiveFunctions.Result inactive, int first, int last) {
    for (int l = first; l <= last; l++) if (inactive.inactive(l)) return true;
    return false;
  }

  /** Whether a line between {@code open} and {@code close} starts (after blanks) with {@code #}. */
  private static boolean holdsDirective(String text, int open, int close) {
    boolean lineStart = false;
    for (int i = open + 1; i < close; i++) {
      char c = text.charAt(i);
      if (c == '\n') lineStart = true;
      else if (c == '#' && lineStart) return true;
      else if (c != ' ' && c != '\t' && c != '\r' && c != '\f') lineStart = false;
    }
    return false;
  }
}
