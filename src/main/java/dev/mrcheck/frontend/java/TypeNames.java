package dev.mrcheck.frontend.java;

import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;

/**
 * Type names as the IR wants them: simple names, no generics, no array brackets (the Java
 * counterpart of C's "pointer stars stripped"). {@code java.util.List<Foo>[]} becomes {@code List}.
 */
final class TypeNames {
  private TypeNames() {}

  static String simple(Type type) {
    Type t = type;
    while (t instanceof ArrayType a) t = a.getComponentType();
    if (t instanceof ClassOrInterfaceType c) return c.getNameAsString();
    return t.asString();
  }

  /**
   * For names the symbol solver describes: {@code dev.x.Outer.Inner<A, B>[]} becomes {@code Inner}.
   */
  static String simple(String described) {
    String s = described;
    int lt = s.indexOf('<');
    if (lt >= 0) s = s.substring(0, lt);
    s = s.replace("[]", "").trim();
    int dot = s.lastIndexOf('.');
    return dot >= 0 ? s.substring(dot + 1) : s;
  }

  /**
   * {@code var}; without language-level post-processing it is parsed as a class type named {@code
   * var}.
   */
  static boolean isVar(Type type) {
    return type.isVarType()
        || type instanceof ClassOrInterfaceType c
            && c.getNameAsString().equals("var")
            && c.getScope().isEmpty();
  }
}
