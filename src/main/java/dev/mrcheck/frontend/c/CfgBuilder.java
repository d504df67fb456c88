package dev.mrcheck.frontend.c;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.Cfg;
import dev.mrcheck.ir.CfgNode;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTBreakStatement;
import org.eclipse.cdt.core.dom.ast.IASTCaseStatement;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTCompoundStatement;
import org.eclipse.cdt.core.dom.ast.IASTContinueStatement;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarationStatement;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTDefaultStatement;
import org.eclipse.cdt.core.dom.ast.IASTDoStatement;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpressionStatement;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTForStatement;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTGotoStatement;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTIfStatement;
import org.eclipse.cdt.core.dom.ast.IASTInitializer;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTInitializerList;
import org.eclipse.cdt.core.dom.ast.IASTLabelStatement;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTReturnStatement;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTSwitchStatement;
import org.eclipse.cdt.core.dom.ast.IASTTypeIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTWhileStatement;
import org.eclipse.cdt.core.dom.ast.c.ICASTDesignatedInitializer;
import org.eclipse.cdt.core.dom.ast.gnu.IGNUASTCompoundStatementExpression;
import org.eclipse.cdt.core.dom.ast.gnu.IGNUASTGotoStatement;
import org.eclipse.cdt.core.dom.ast.gnu.IGNUASTUnaryExpression;

/**
 * Lowers one function body to a {@link Cfg}. Statements are appended to the node that is "current";
 * {@code current == null} means the code being lowered is unreachable (after a return, a goto or a
 * noreturn call) until a label or case makes it reachable again.
 */
final class CfgBuilder {
  private final Cfg cfg = new Cfg();
  private final Scope scope;
  private final Values values;
  private final Locations locs;
  private final Map<String, CfgNode> labels = new HashMap<>();
  private final Deque<CfgNode> breakTargets = new ArrayDeque<>();
  private final Deque<CfgNode> continueTargets = new ArrayDeque<>();
  private final Deque<Switch> switches = new ArrayDeque<>();
  private CfgNode current;

  /** The dispatch point of a switch and whether a default label was seen in it. */
  private static final class Switch {
    final CfgNode dispatch;
    boolean hasDefault;

    Switch(CfgNode dispatch) {
      this.dispatch = dispatch;
    }
  }

  CfgBuilder(Scope scope, Values values, Locations locs) {
    this.scope = scope;
    this.values = values;
    this.locs = locs;
  }

  Cfg build(IASTStatement body) {
    current = cfg.entry();
    statement(body);
    if (current != null) current.addSuccessor(cfg.exit());
    return cfg;
  }

  // ---- statements ----

  private void statement(IASTStatement s) {
    if (s == null) return;
    if (s instanceof IASTCompoundStatement c) {
      for (IASTStatement x : c.getStatements()) statement(x);
    } else if (s instanceof IASTExpressionStatement e) {
      expressionStatement(e.getExpression());
    } else if (s instanceof IASTDeclarationStatement d) {
      declaration(d.getDeclaration());
    } else if (s instanceof IASTReturnStatement r) {
      returnStatement(r);
    } else if (s instanceof IASTIfStatement i) {
      ifStatement(i);
    } else if (s instanceof IASTWhileStatement w) {
      whileLoop(w);
    } else if (s instanceof IASTDoStatement d) {
      doLoop(d);
    } else if (s instanceof IASTForStatement f) {
      forLoop(f);
    } else if (s instanceof IASTSwitchStatement sw) {
      switchStatement(sw);
    } else if (s instanceof IASTCaseStatement c) {
      caseLabel(c, false);
    } else if (s instanceof IASTDefaultStatement d) {
      caseLabel(d, true);
    } else if (s instanceof IASTBreakStatement) {
      jump(breakTargets.peek());
    } else if (s instanceof IASTContinueStatement) {
      jump(continueTargets.peek());
    } else if (s instanceof IASTGotoStatement g) {
      jump(label(g.getName().toString()));
    } else if (s instanceof IASTLabelStatement l) {
      CfgNode target = label(l.getName().toString());
      if (current != null) current.addSuccessor(target);
      current = target;
      statement(l.getNestedStatement());
    } else if (s instanceof IGNUASTGotoStatement) {
      current = null; // computed goto: target unknown
    }
    // null statements, problem statements, asm: nothing to lower
  }

  private void expressionStatement(IASTExpression e) {
    if (e != null) calls(e, null);
  }

  private void declaration(IASTDeclaration d) {
    if (!(d instanceof IASTSimpleDeclaration sd)) return;
    for (IASTDeclarator decl : sd.getDeclarators()) {
      IASTInitializer init = decl.getInitializer();
      if (!(init instanceof IASTEqualsInitializer eq)) continue;
      IASTInitializerClause clause = eq.getInitializerClause();
      String name = TypeNames.declaredName(decl);
      if (clause instanceof IASTExpression e && !name.isEmpty()) {
        assign(new AccessPath(scope.rootOf(name), name, List.of()), e, locs.of(decl));
      } else {
        initializerCalls(clause);
      }
    }
  }

  private void returnStatement(IASTReturnStatement r) {
    IASTExpression v = r.getReturnValue();
    Value value = null;
    if (v != null) {
      calls(v, null);
      value = values.of(v);
    }
    append(new Stmt.Return(value, locs.of(r)));
    jump(cfg.exit());
  }

  private void ifStatement(IASTIfStatement s) {
    IASTExpression cond = s.getConditionExpression();
    if (cond != null) calls(cond, null);
    CfgNode branch = current;
    Boolean constant = constantTruth(cond);

    current = branch;
    edge(cond, constant, true);
    statement(s.getThenClause());
    CfgNode thenEnd = current;

    current = branch;
    edge(cond, constant, false);
    statement(s.getElseClause());
    CfgNode elseEnd = current;

    join(thenEnd, elseEnd);
  }

  private void whileLoop(IASTWhileStatement w) {
    CfgNode head = enterJoin();
    CfgNode after = cfg.newNode(null);
    IASTExpression cond = w.getCondition();
    loopTest(cond, after);
    loopBody(w.getBody(), after, head);
    if (current != null) current.addSuccessor(head);
    current = after;
  }

  private void doLoop(IASTDoStatement d) {
    CfgNode head = enterJoin();
    CfgNode after = cfg.newNode(null);
    CfgNode test = cfg.newNode(null);
    loopBody(d.getBody(), after, test);
    if (current != null) current.addSuccessor(test);
    current = test;
    IASTExpression cond = d.getCondition();
    Boolean constant = constantTruth(cond);
    if (cond != null) calls(cond, null);
    CfgNode fork = current;
    edge(cond, constant, true);
    if (current != null) current.addSuccessor(head);
    current = fork;
    edge(cond, constant, false);
    if (current != null) current.addSuccessor(after);
    current = after;
  }

  private void forLoop(IASTForStatement f) {
    statement(f.getInitializerStatement());
    CfgNode head = enterJoin();
    CfgNode after = cfg.newNode(null);
    CfgNode next = cfg.newNode(null);
    loopTest(f.getConditionExpression(), after);
    loopBody(f.getBody(), after, next);
    if (current != null) current.addSuccessor(next);
    current = next;
    if (f.getIterationExpression() != null) calls(f.getIterationExpression(), null);
    if (current != null) current.addSuccessor(head);
    current = after;
  }

  /** Evaluates a loop condition at the current node; leaves current on the "holds" edge. */
  private void loopTest(IASTExpression cond, CfgNode after) {
    if (cond == null) return; // for (;;)
    calls(cond, null);
    Boolean constant = constantTruth(cond);
    CfgNode fork = current;
    edge(cond, constant, false);
    if (current != null) current.addSuccessor(after);
    current = fork;
    edge(cond, constant, true);
  }

  private void loopBody(IASTStatement body, CfgNode breakTo, CfgNode continueTo) {
    breakTargets.push(breakTo);
    continueTargets.push(continueTo);
    try {
      statement(body);
    } finally {
      breakTargets.pop();
      continueTargets.pop();
    }
  }

  private void switchStatement(IASTSwitchStatement s) {
    if (s.getControllerExpression() != null) calls(s.getControllerExpression(), null);
    CfgNode dispatch = enterJoin();
    CfgNode after = cfg.newNode(null);
    Switch sw = new Switch(dispatch);
    switches.push(sw);
    breakTargets.push(after);
    current = null; // the body is only entered through case labels
    try {
      statement(s.getBody());
    } finally {
      switches.pop();
      breakTargets.pop();
    }
    if (current != null) current.addSuccessor(after);
    if (!sw.hasDefault) dispatch.addSuccessor(after);
    current = after;
  }

  private void caseLabel(IASTStatement label, boolean isDefault) {
    Switch sw = switches.peek();
    CfgNode node = cfg.newNode(null);
    if (current != null) current.addSuccessor(node); // fallthrough
    if (sw != null) {
      sw.dispatch.addSuccessor(node);
      if (isDefault) sw.hasDefault = true;
    }
    current = node;
  }

  // ---- expressions ----

  /**
   * Emits the calls of {@code e} in evaluation order (arguments before the call that takes them).
   * {@code result} is where the value of {@code e} is stored, if {@code e} is (a cast of) a call.
   */
  private void calls(IASTExpression e, AccessPath result) {
    if (e == null) return;
    if (e instanceof IASTFunctionCallExpression call) {
      call(call, result);
    } else if (e instanceof IASTBinaryExpression b
        && b.getOperator() == IASTBinaryExpression.op_assign) {
      Value target = values.of(b.getOperand1());
      calls(b.getOperand1(), null);
      assign(target instanceof Value.Path p ? p.path() : null, b.getOperand2(), locs.of(b));
    } else if (e instanceof IASTBinaryExpression b
        && COMPOUND_ASSIGNMENTS.contains(b.getOperator())) {
      calls(b.getOperand1(), null);
      calls(b.getOperand2(), null);
      updated(b.getOperand1(), b);
    } else if (e instanceof IASTCastExpression c) {
      calls(c.getOperand(), result);
    } else if (e instanceof IASTUnaryExpression u && STEPS.contains(u.getOperator())) {
      calls(u.getOperand(), null);
      updated(u.getOperand(), u);
    } else if (e instanceof IASTUnaryExpression u) {
      int op = u.getOperator();
      if (op == IASTUnaryExpression.op_sizeof
          || op == IASTUnaryExpression.op_alignOf
          || op == IGNUASTUnaryExpression.op_typeof) {
        return; // unevaluated
      }
      calls(u.getOperand(), op == IASTUnaryExpression.op_bracketedPrimary ? result : null);
    } else if (e instanceof IASTFieldReference f
        && !f.isPointerDereference()
        && CallShapes.stripParens(f.getFieldOwner()) instanceof IASTFunctionCallExpression c
        && isDirectCall(c)
        && CallShapes.castOperand(c) == null) {
      // memory_region_find(..).mr: the struct result lives in a temporary, named after the call,
      // so what it carries is known by its member wherever the member goes.
      AccessPath temporary =
          AccessPath.of(AccessPath.Root.LOCAL, CallShapes.directCallee(c, scope) + "(...)");
      call(c, temporary);
      values.temporary(c, temporary);
    } else if (e instanceof IGNUASTCompoundStatementExpression se) {
      statement(se.getCompoundStatement());
    } else if (e instanceof IASTTypeIdExpression) {
      // sizeof(type), alignof(type): nothing evaluated
    } else {
      for (IASTNode child : e.getChildren()) {
        if (child instanceof IASTExpression x) calls(x, null);
        else if (child instanceof IASTInitializerClause c) initializerCalls(c);
      }
    }
  }

  /** {@code ++}, {@code --}, before or after the operand. */
  private static final Set<Integer> STEPS =
      Set.of(
          IASTUnaryExpression.op_postFixIncr,
          IASTUnaryExpression.op_prefixIncr,
          IASTUnaryExpression.op_postFixDecr,
          IASTUnaryExpression.op_prefixDecr);

  /** {@code +=} and the like: the target gets a value computed from its own. */
  private static final Set<Integer> COMPOUND_ASSIGNMENTS =
      Set.of(
          IASTBinaryExpression.op_plusAssign,
          IASTBinaryExpression.op_minusAssign,
          IASTBinaryExpression.op_multiplyAssign,
          IASTBinaryExpression.op_divideAssign,
          IASTBinaryExpression.op_moduloAssign,
          IASTBinaryExpression.op_shiftLeftAssign,
          IASTBinaryExpression.op_shiftRightAssign,
          IASTBinaryExpression.op_binaryAndAssign,
          IASTBinaryExpression.op_binaryOrAssign,
          IASTBinaryExpression.op_binaryXorAssign);

  /**
   * {@code s->users++}, {@code s->users += 1}: the field now holds a value the analysis does not
   * evaluate (a counter taken up or down), written as the expression's text so that the runtime
   * model can read a count taken up. Only fields: a local stepped through an array ({@code mr++} in
   * a loop) keeps the binding the analysis gave it.
   */
  private void updated(IASTExpression target, IASTExpression whole) {
    if (values.of(target) instanceof Value.Path p && !p.path().steps().isEmpty()) {
      append(new Stmt.Assign(p.path(), new Value.Opaque(whole.getRawSignature()), locs.of(whole)));
    }
  }

  private void call(IASTFunctionCallExpression call, AccessPath result) {
    IASTExpression operand = CallShapes.castOperand(call);
    if (operand != null) {
      calls(operand, result);
      return;
    }
    String callee = CallShapes.directCallee(call, scope);
    if (CallShapes.isPathMacro(callee)) {
      IASTInitializerClause[] args = call.getArguments();
      if (args.length > 0 && args[0] instanceof IASTExpression x) calls(x, null);
      return;
    }
    if (callee == null) calls(call.getFunctionNameExpression(), null);
    List<Value> args = new ArrayList<>();
    for (IASTInitializerClause a : call.getArguments()) {
      if (a instanceof IASTExpression x) calls(x, null);
      else initializerCalls(a);
      args.add(values.of(a));
    }
    SourceLoc loc = locs.span(call.getFunctionNameExpression(), call);
    if (callee == null) {
      if (values.of(call.getFunctionNameExpression()) instanceof Value.Path p
          && !p.path().steps().isEmpty()) {
        append(Stmt.Call.throughField(p.path(), args, result, loc));
      }
      return;
    }
    append(new Stmt.Call(callee, args, result, loc));
    if (CallShapes.NORETURN.contains(callee)) current = null;
  }

  /** {@code target = rhs}: a call's result, or an alias/hook assignment. */
  private void assign(AccessPath target, IASTExpression rhs, SourceLoc loc) {
    if (isDirectCall(rhs)) {
      calls(rhs, target);
      return;
    }
    calls(rhs, null);
    if (target != null) append(new Stmt.Assign(target, values.of(rhs), loc));
  }

  private boolean isDirectCall(IASTExpression e) {
    while (true) {
      e = CallShapes.stripParens(e);
      if (e instanceof IASTCastExpression c) {
        e = c.getOperand();
      } else if (e instanceof IASTFunctionCallExpression call) {
        IASTExpression operand = CallShapes.castOperand(call);
        if (operand == null) {
          String callee = CallShapes.directCallee(call, scope);
          return callee != null && !CallShapes.isPathMacro(callee);
        }
        e = operand;
      } else {
        return false;
      }
    }
  }

  private void initializerCalls(IASTInitializerClause c) {
    if (c instanceof IASTExpression e) {
      calls(e, null);
    } else if (c instanceof IASTInitializerList list) {
      for (IASTInitializerClause x : list.getClauses()) initializerCalls(x);
    } else if (c instanceof ICASTDesignatedInitializer d) {
      initializerCalls(d.getOperand());
    }
  }

  // ---- conditions ----

  /**
   * Follows the {@code holds} edge of a condition from the current node: an Assume for a real
   * condition, nothing for a constant one that agrees, no path at all for one that disagrees.
   */
  private void edge(IASTExpression cond, Boolean constant, boolean holds) {
    if (constant == null) assume(cond, holds);
    else if (constant != holds) current = null;
  }

  private void assume(IASTExpression cond, boolean holds) {
    if (cond == null) return;
    IASTExpression e = CallShapes.stripParens(cond);
    while (e instanceof IASTUnaryExpression u
        && u.getOperator() == IASTUnaryExpression.op_not
        && u.getOperand() != null) {
      holds = !holds;
      e = CallShapes.stripParens(u.getOperand());
    }
    // a && b taken (a || b not taken) passed both tests, in order: each is a condition of its own.
    // The other edge failed one of them, which no single condition says: it stays one opaque test.
    if (e instanceof IASTBinaryExpression b
        && b.getOperator()
            == (holds ? IASTBinaryExpression.op_logicalAnd : IASTBinaryExpression.op_logicalOr)) {
      assume(b.getOperand1(), holds);
      assume(b.getOperand2(), holds);
      return;
    }
    // p == NULL is !p and p != NULL is p: a failed map or an empty lookup is tested either way.
    if (e instanceof IASTBinaryExpression b
        && (b.getOperator() == IASTBinaryExpression.op_equals
            || b.getOperator() == IASTBinaryExpression.op_notequals)) {
      IASTExpression other = nullComparedOperand(b);
      if (other != null) {
        if (b.getOperator() == IASTBinaryExpression.op_equals) holds = !holds;
        e = CallShapes.stripParens(other);
      }
    }
    append(new Stmt.Assume(values.of(e), holds, locs.of(cond)));
  }

  /**
   * The operand compared with NULL in {@code a == NULL}, {@code NULL != a}; null for other
   * comparisons.
   */
  private IASTExpression nullComparedOperand(IASTBinaryExpression b) {
    if (b.getOperand1() == null || b.getOperand2() == null) return null;
    if (values.of(b.getOperand2()) instanceof Value.Null) return b.getOperand1();
    if (values.of(b.getOperand1()) instanceof Value.Null) return b.getOperand2();
    return null;
  }

  /** TRUE/FALSE for a literal condition ({@code while (1)}, {@code do .. while (0)}), else null. */
  private static Boolean constantTruth(IASTExpression cond) {
    IASTExpression e = CallShapes.stripParens(cond);
    if (e instanceof IASTLiteralExpression lit) {
      int kind = lit.getKind();
      if (kind == IASTLiteralExpression.lk_true) return true;
      if (kind == IASTLiteralExpression.lk_false) return false;
      if (kind == IASTLiteralExpression.lk_integer_constant) {
        return !(Values.isZero(Texts.of(lit)));
      }
    } else if (e instanceof IASTIdExpression id) {
      String n = id.getName().toString();
      if (n.equals("true")) return true;
      if (n.equals("false")) return false;
    }
    return null;
  }

  // ---- graph helpers ----

  private void append(Stmt stmt) {
    CfgNode n = cfg.newNode(stmt);
    if (current != null) current.addSuccessor(n);
    current = n;
  }

  /** A fresh join node that the current node flows into; becomes current. */
  private CfgNode enterJoin() {
    CfgNode n = cfg.newNode(null);
    if (current != null) current.addSuccessor(n);
    current = n;
    return n;
  }

  private void join(CfgNode a, CfgNode b) {
    if (a == null && b == null) {
      current = null;
      return;
    }
    CfgNode j = cfg.newNode(null);
    if (a != null) a.addSuccessor(j);
    if (b != null) b.addSuccessor(j);
    current = j;
  }

  private void jump(CfgNode target) {
    if (current != null && target != null) current.addSuccessor(target);
    current = null;
  }

  private CfgNode label(String name) {
    return labels.computeIfAbsent(name, n -> cfg.newNode(null));
  }
}
