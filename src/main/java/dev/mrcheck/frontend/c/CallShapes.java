package dev.mrcheck.frontend.c;

import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;

/**
 * What kind of call a call expression is: a QOM cast macro in call form ({@code OBJECT(x)}, {@code
 * MY_DEV(obj)}) that only converts a pointer, a direct call by name, or a call through a function
 * pointer. Without headers a cast macro is just a call to an unknown upper-case name.
 */
final class CallShapes {
  private static final Pattern CAST_LIKE = Pattern.compile("[A-Z][A-Z0-9_]*");

  /** QOM checkers whose converted object is not the only argument: name -> index of the object. */
  private static final java.util.Map<String, Integer> CHECKERS =
      java.util.Map.of("OBJECT_CHECK", 1, "OBJECT_CLASS_CHECK", 1, "INTERFACE_CHECK", 1);

  /** Calls after which the path ends. Kept small on purpose: a wrong entry cuts real paths. */
  static final Set<String> NORETURN =
      Set.of(
          "abort",
          "exit",
          "_exit",
          "g_assert_not_reached",
          "hw_error",
          "cpu_abort",
          "qemu_abort",
          "g_abort",
          "__builtin_unreachable",
          "__builtin_trap",
          "qemu_build_not_reached",
          "error_exit");

  private CallShapes() {}

  /**
   * Call-shaped pointer arithmetic that names an object instead of doing anything: {@code
   * container_of(p, T, member)}. Never emitted as a call; its value is a path.
   */
  static boolean isPathMacro(String callee) {
    return "container_of".equals(callee);
  }

  /** The callee's name for a call by name, or null for a call through a pointer. */
  static String directCallee(IASTFunctionCallExpression call, Scope scope) {
    IASTExpression fn = stripParens(call.getFunctionNameExpression());
    if (!(fn instanceof IASTIdExpression id)) return null;
    String name = id.getName().toString();
    return name.isEmpty() || scope.isVariable(name) ? null : name;
  }

  /** For a cast-like call, the argument that is converted; null for any other call. */
  static IASTExpression castOperand(IASTFunctionCallExpression call) {
    IASTExpression fn = stripParens(call.getFunctionNameExpression());
    if (!(fn instanceof IASTIdExpression id)) return null;
    String name = id.getName().toString();
    IASTInitializerClause[] args = call.getArguments();
    Integer checked = CHECKERS.get(name);
    if (checked != null) {
      return args.length > checked && args[checked] instanceof IASTExpression e ? e : null;
    }
    if (args.length == 1
        && CAST_LIKE.matcher(name).matches()
        && args[0] instanceof IASTExpression e) {
      return e;
    }
    return null;
  }

  static IASTExpression stripParens(IASTExpression e) {
    while (e instanceof IASTUnaryExpression u
        && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary
        && u.getOperand() != null) {
      e = u.getOperand();
    }
    return e;
  }
}
