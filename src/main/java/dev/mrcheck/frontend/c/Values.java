package dev.mrcheck.frontend.c;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.Value;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;

/**
 * Reduces a C expression to an IR {@link Value}: access paths through {@code ->}, {@code .}, {@code
 * []}, {@code &}, {@code *}, casts and QOM cast macros; NULL; literals; nested calls.
 */
final class Values {
  private static final int MAX_TEXT = 80;

  /** Member names that conventionally hold the QOM parent, used when the struct is not in view. */
  private static final java.util.Set<String> PARENT_MEMBERS =
      java.util.Set.of("parent_obj", "parent", "qdev", "busdev", "pci_dev", "parent_dev");

  private final Scope scope;
  private final java.util.Map<String, String> firstFields;

  /** {@code firstFields}: struct name -> its first member, for upcasts via {@code container_of}. */
  Values(Scope scope, java.util.Map<String, String> firstFields) {
    this.scope = scope;
    this.firstFields = firstFields;
  }

  Value of(IASTInitializerClause clause) {
    if (!(clause instanceof IASTExpression e)) return opaque(clause);
    return of(e);
  }

  Value of(IASTExpression e) {
    e = lookThrough(e);
    if (e == null) return new Value.Opaque("");
    if (e instanceof IASTLiteralExpression lit) return literal(lit);
    if (e instanceof IASTIdExpression id) {
      String name = id.getName().toString();
      if (name.equals("NULL")) return new Value.Null();
      if (name.equals("true") || name.equals("false")) return new Value.Literal(name);
      return new Value.Path(AccessPath.of(scope.rootOf(name), name));
    }
    if (e instanceof IASTFieldReference f) {
      return extend(of(f.getFieldOwner()), f.getFieldName().toString(), e);
    }
    if (e instanceof IASTArraySubscriptExpression a) {
      return extend(of(a.getArrayExpression()), AccessPath.ANY_INDEX, e);
    }
    if (e instanceof IASTFunctionCallExpression call) return callValue(call);
    if (e instanceof IASTBinaryExpression b && b.getOperator() == IASTBinaryExpression.op_assign) {
      return of(b.getOperand1());
    }
    if (e instanceof IASTBinaryExpression b && b.getOperator() == IASTBinaryExpression.op_plus) {
      // s->state + i is &s->state[i]: an element of the summarized array.
      Value base = of(b.getOperand1());
      // s->state + i + 1 is still an element of s->state: one index step, however long the sum.
      if (base instanceof Value.Path p
          && p.path().steps().size() > 0
          && p.path().lastStep().equals(AccessPath.ANY_INDEX)) {
        return base;
      }
      if (base instanceof Value.Path
          && !(of(b.getOperand2()) instanceof Value.Path p2 && isPointerLike(p2))) {
        return extend(base, AccessPath.ANY_INDEX, e);
      }
    }
    return opaque(e);
  }

  /** An index is an integer variable; a second pointer operand would make this no array step. */
  private static boolean isPointerLike(Value.Path p) {
    return !p.path().steps().isEmpty();
  }

  /**
   * Strips what does not change which object is meant: parentheses, casts, {@code &}, {@code *} and
   * cast-like calls.
   */
  static IASTExpression lookThrough(IASTExpression e) {
    while (true) {
      if (e instanceof IASTUnaryExpression u) {
        int op = u.getOperator();
        if ((op == IASTUnaryExpression.op_bracketedPrimary
                || op == IASTUnaryExpression.op_amper
                || op == IASTUnaryExpression.op_star)
            && u.getOperand() != null) {
          e = u.getOperand();
          continue;
        }
      } else if (e instanceof IASTCastExpression c && c.getOperand() != null) {
        e = c.getOperand();
        continue;
      } else if (e instanceof IASTFunctionCallExpression call) {
        IASTExpression operand = CallShapes.castOperand(call);
        if (operand != null) {
          e = operand;
          continue;
        }
      }
      return e;
    }
  }

  private Value callValue(IASTFunctionCallExpression call) {
    String callee = CallShapes.directCallee(call, scope);
    if (callee == null) return opaque(call);
    IASTInitializerClause[] args = call.getArguments();
    if (callee.equals("container_of") && args.length == 3) return containerOf(args, call);
    List<Value> values = new ArrayList<>(args.length);
    for (IASTInitializerClause a : args) values.add(of(a));
    return new Value.CallResult(callee, values);
  }

  /**
   * {@code container_of(p, T, member)}: the struct that embeds {@code p} at {@code member}. When
   * {@code p} is a plain variable and {@code member} is T's first member (the QOM parent), the
   * container is the same object, as with a cast macro.
   */
  private Value containerOf(IASTInitializerClause[] args, IASTNode call) {
    Value inner = of(args[0]);
    String type = containerType(args[1]);
    String member = Texts.of(args[2]).trim();
    if (inner instanceof Value.Path p) {
      List<String> steps = p.path().steps();
      if (!steps.isEmpty() && p.path().lastStep().equals(member)) {
        return new Value.Path(
            new AccessPath(p.path().kind(), p.path().root(), steps.subList(0, steps.size() - 1)));
      }
      if (steps.isEmpty() && isParentMember(type, member)) return inner;
    }
    return opaque(call);
  }

  /** The prelude passes the type as {@code (T *) 0}; without the prelude it is a bare name. */
  private static String containerType(IASTInitializerClause arg) {
    if (arg instanceof IASTExpression e) {
      IASTExpression x = CallShapes.stripParens(e);
      if (x instanceof IASTCastExpression c) return TypeNames.of(c.getTypeId().getDeclSpecifier());
      if (x instanceof IASTIdExpression id) return id.getName().toString();
    }
    return arg.getRawSignature().replaceFirst("^\\s*struct\\s+", "").trim();
  }

  private boolean isParentMember(String type, String member) {
    String first = firstFields.get(type);
    return first != null ? first.equals(member) : PARENT_MEMBERS.contains(member);
  }

  private Value extend(Value base, String step, IASTNode whole) {
    if (base instanceof Value.Path p) return new Value.Path(p.path().field(step));
    return opaque(whole);
  }

  private static Value literal(IASTLiteralExpression lit) {
    String text = Texts.of(lit);
    if (lit.getKind() == IASTLiteralExpression.lk_integer_constant && isZero(text)) {
      return new Value.Null(text);
    }
    return new Value.Literal(text);
  }

  /** Whether an integer literal's text denotes zero ({@code 0}, {@code 0x0}, {@code 0UL}). */
  static boolean isZero(String text) {
    // By hand, not with replaceAll/matches: every integer literal of every parsed body comes here.
    int end = text.length();
    while (end > 0 && "uUlL".indexOf(text.charAt(end - 1)) >= 0) end--;
    if (end == 0) return false;
    if (end == 3 && text.regionMatches(true, 0, "0x0", 0, 3)) return true;
    for (int i = 0; i < end; i++) if (text.charAt(i) != '0') return false;
    return true;
  }

  static Value.Opaque opaque(IASTNode node) {
    String text = Texts.collapseBlanks(Texts.of(node)).trim();
    if (text.length() > MAX_TEXT) text = text.substring(0, MAX_TEXT);
    return new Value.Opaque(text);
  }
}
