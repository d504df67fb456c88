package dev.mrcheck.frontend.java;

import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.regex.Pattern;

/**
 * How calls and functions are named in the IR, so that call sites and definitions agree and the API
 * model can name Java functions:
 *
 * <ul>
 *   <li>a method is {@code Class.method} (simple class name), constructors {@code Class.<init>};
 *       when the class declares several methods of that name, {@code Class.method/arity};
 *   <li>static methods of FFM header holders (jextract's {@code memory_h}, {@code qom_h}: class
 *       names ending in {@code _h}) keep the bare C name ({@code memory_region_init_io}), as do
 *       unqualified calls that are not methods of the class (static imports of such holders);
 *   <li>an instance call whose receiver type is unknown is {@code ?.method}, unless exactly one
 *       scanned class declares a method of that name and arity.
 * </ul>
 */
final class CallNaming {
  static final String UNKNOWN_RECEIVER = "?";
  private static final Pattern CAST_MACRO = Pattern.compile("[A-Z][A-Z0-9_]*");

  private CallNaming() {}

  /**
   * {@code OBJECT(x)}, {@code MEMORY_REGION(x)}: the Java twin of a QOM cast macro, looked through.
   */
  static boolean isCastLike(MethodCallExpr call) {
    return call.getArguments().size() == 1
        && CAST_MACRO.matcher(call.getNameAsString()).matches()
        && call.getNameAsString().length() > 1;
  }

  static boolean isHolder(String className) {
    return className.endsWith("_h");
  }

  /** {@code Type.method}, named after the scanned class that declares it when there is one. */
  static String qualified(SourceIndex index, String type, String method, int arity) {
    return index
        .method(type, method, arity)
        .map(f -> method(f.declarer(), method, arity))
        .orElse(type + "." + method);
  }

  static String method(ClassInfo declarer, String method, int arity) {
    return method(declarer.name(), method, arity, declarer.overloaded(method));
  }

  static String method(String className, String method, int arity, boolean overloaded) {
    return className + "." + method + (overloaded ? "/" + arity : "");
  }
}
