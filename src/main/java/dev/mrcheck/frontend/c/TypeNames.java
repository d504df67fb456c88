package dev.mrcheck.frontend.c;

import org.eclipse.cdt.core.dom.ast.IASTArrayDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTCompositeTypeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTElaboratedTypeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTEnumerationSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTNamedTypeSpecifier;

/**
 * Type and declarator names the way the IR wants them: no qualifiers, no stars, no {@code struct}.
 */
final class TypeNames {
  private TypeNames() {}

  static String of(IASTDeclSpecifier spec) {
    if (spec instanceof IASTNamedTypeSpecifier n) return n.getName().toString();
    if (spec instanceof IASTElaboratedTypeSpecifier e) return e.getName().toString();
    if (spec instanceof IASTCompositeTypeSpecifier c) return c.getName().toString();
    if (spec instanceof IASTEnumerationSpecifier e) return e.getName().toString();
    if (Texts.fromMacro(spec))
      return simple(org.eclipse.cdt.core.dom.ast.ASTSignatureUtil.getSignature(spec));
    return simple(spec.getRawSignature());
  }

  /**
   * Drops storage classes and qualifiers from a builtin type's text: {@code static const unsigned
   * int} is {@code unsigned int}.
   */
  private static String simple(String raw) {
    StringBuilder b = new StringBuilder();
    for (String word : raw.trim().split("\\s+")) {
      switch (word) {
        case "const",
            "volatile",
            "static",
            "extern",
            "inline",
            "register",
            "restrict",
            "__inline__",
            "__restrict",
            "__restrict__",
            "auto",
            "_Thread_local",
            "__thread" -> {}
        default -> {
          if (b.length() > 0) b.append(' ');
          b.append(word);
        }
      }
    }
    return b.toString();
  }

  /**
   * The innermost declarator carries the declared name: {@code (*fn)(void)} declares {@code fn}.
   */
  static IASTDeclarator innermost(IASTDeclarator d) {
    while (d.getNestedDeclarator() != null) d = d.getNestedDeclarator();
    return d;
  }

  static String declaredName(IASTDeclarator d) {
    IASTName n = innermost(d).getName();
    return n == null ? "" : n.toString();
  }

  static boolean isPointer(IASTDeclarator d) {
    for (IASTDeclarator x = d; x != null; x = x.getNestedDeclarator()) {
      if (x.getPointerOperators().length > 0) return true;
    }
    return false;
  }

  static boolean isArray(IASTDeclarator d) {
    for (IASTDeclarator x = d; x != null; x = x.getNestedDeclarator()) {
      if (x instanceof IASTArrayDeclarator) return true;
    }
    return false;
  }
}
