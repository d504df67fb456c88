package dev.mrcheck.frontend.c;

import java.util.regex.Pattern;
import org.eclipse.cdt.core.dom.ast.ASTSignatureUtil;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IASTMacroExpansionLocation;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTNodeLocation;

/**
 * Source text of a node. CDT's raw signature of a node produced by a macro expansion is the text of
 * the whole invocation ({@code container_of(p, T, m)} for the {@code m} inside it), so such nodes
 * are rendered from their tokens instead, except an object-like macro standing for a literal
 * ({@code TYPE_MY_DEV}), which keeps the name it was written with.
 */
final class Texts {
  private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Texts() {}

  static String of(IASTNode n) {
    if (n instanceof IASTIdExpression id) return id.getName().toString();
    String raw = n.getRawSignature();
    if (!fromMacro(n)) return raw;
    if (n instanceof IASTLiteralExpression lit) {
      return IDENT.matcher(raw).matches() ? raw : new String(lit.getValue());
    }
    if (n instanceof IASTExpression e) {
      try {
        return ASTSignatureUtil.getExpressionString(e);
      } catch (RuntimeException ex) {
        return raw;
      }
    }
    return raw;
  }

  /**
   * {@code text.replaceAll("\\s+", " ")}: each run of blanks becomes one space. By hand, since
   * every opaque value of every lowered body goes through it.
   */
  static String collapseBlanks(String text) {
    int n = text.length();
    StringBuilder b = null;
    boolean inRun = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean blank = isBlank(c);
      if (b == null) {
        // Unchanged so far: copy only from the first blank that is not a lone space.
        if (!blank || (c == ' ' && !(i + 1 < n && isBlank(text.charAt(i + 1))))) continue;
        b = new StringBuilder(n).append(text, 0, i);
      }
      if (blank) {
        if (!inRun) b.append(' ');
        inRun = true;
      } else {
        b.append(c);
        inRun = false;
      }
    }
    return b == null ? text : b.toString();
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  static boolean fromMacro(IASTNode n) {
    for (IASTNodeLocation l : n.getNodeLocations()) {
      if (l instanceof IASTMacroExpansionLocation) return true;
    }
    return false;
  }
}
