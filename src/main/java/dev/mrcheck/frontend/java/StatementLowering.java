package dev.mrcheck.frontend.java;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import dev.mrcheck.frontend.java.CfgBuilder.Breakable;
import dev.mrcheck.frontend.java.CfgBuilder.TryFrame;
import dev.mrcheck.frontend.java.ExpressionLowering.Branches;
import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.CfgNode;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lowers statements into the CFG: branches go through {@link Stmt.Assume} nodes, loops get back
 * edges, {@code return} reaches the exit through enclosing finally blocks, and {@code throw} ends
 * the path unless a catch or finally of the function receives it (see {@link CfgBuilder}).
 */
final class StatementLowering {
  private final FileLowering file;
  private final FunctionScope scope;
  private final CfgBuilder cfg;
  private final ExpressionLowering exprs;

  StatementLowering(
      FileLowering file, FunctionScope scope, CfgBuilder cfg, ExpressionLowering exprs) {
    this.file = file;
    this.scope = scope;
    this.cfg = cfg;
    this.exprs = exprs;
    exprs.useStatements(this);
    cfg.lowerFinallyWith(this::statement);
  }

  void statement(Statement s) {
    if (s instanceof BlockStmt b) {
      for (Statement inner : b.getStatements()) statement(inner);
    } else if (s instanceof ExpressionStmt e) {
      expression(e.getExpression());
    } else if (s instanceof IfStmt i) {
      ifStatement(i);
    } else if (s instanceof LabeledStmt l) {
      labeled(l);
    } else if (s instanceof WhileStmt
        || s instanceof DoStmt
        || s instanceof ForStmt
        || s instanceof ForEachStmt) {
      loop(s, Set.of());
    } else if (s instanceof SwitchStmt sw) {
      switchBlock(sw.getSelector(), sw.getEntries(), Set.of(), false);
    } else if (s instanceof BreakStmt b) {
      if (!cfg.jumpBreak(b.getLabel().map(l -> l.asString()).orElse(null), false))
        cfg.setFrontier(List.of());
    } else if (s instanceof ContinueStmt c) {
      if (!cfg.jumpContinue(c.getLabel().map(l -> l.asString()).orElse(null)))
        cfg.setFrontier(List.of());
    } else if (s instanceof YieldStmt y) {
      exprs.value(y.getExpression());
      if (!cfg.jumpBreak(null, true)) cfg.setFrontier(List.of());
    } else if (s instanceof ReturnStmt r) {
      Value v = r.getExpression().map(exprs::value).orElse(null);
      cfg.emit(new Stmt.Return(v, file.loc(r)));
      cfg.jumpToExit();
    } else if (s instanceof ThrowStmt t) {
      exprs.value(t.getExpression());
      cfg.raise();
    } else if (s instanceof TryStmt t) {
      tryStatement(t);
    } else if (s instanceof SynchronizedStmt sy) {
      exprs.value(sy.getExpression());
      statement(sy.getBody());
    } else if (s instanceof ExplicitConstructorInvocationStmt c) {
      constructorInvocation(c);
    }
    // Local class declarations are lowered with the file's other classes; assert, empty and
    // unparsable statements do nothing the analysis can use.
  }

  /** An expression statement, a declaration or a for-loop init/update. */
  void expression(Expression e) {
    if (e instanceof VariableDeclarationExpr v) {
      for (VariableDeclarator d : v.getVariables()) declare(d);
    } else if (e instanceof AssignExpr a) {
      exprs.assign(a);
    } else {
      exprs.value(e);
    }
  }

  /** A field initializer run by a constructor (or {@code <clinit>}): {@code target = init}. */
  void initialize(AccessPath target, Expression init, com.github.javaparser.ast.Node at) {
    exprs.assignTo(target, init, at);
  }

  /** An expression lambda's body: {@code return e}. */
  void returnValue(Expression e) {
    cfg.emit(new Stmt.Return(exprs.value(e), file.loc(e)));
    cfg.jumpToExit();
  }

  /** An adapter's body: {@code return callee(bound, params...)}. */
  void forward(String callee, Expression bound, List<String> params, SourceLoc loc) {
    List<Value> args = new ArrayList<>();
    if (bound != null) args.add(exprs.value(bound));
    for (String p : params) args.add(new Value.Path(AccessPath.of(AccessPath.Root.PARAM, p)));
    cfg.emit(new Stmt.Call(callee, args, null, loc));
    cfg.emit(new Stmt.Return(new Value.CallResult(callee, args), loc));
    cfg.jumpToExit();
  }

  private void declare(VariableDeclarator d) {
    String name = d.getNameAsString();
    String type =
        TypeNames.isVar(d.getType())
            ? d.getInitializer().flatMap(i -> file.types().typeOf(i, scope)).orElse("var")
            : TypeNames.simple(d.getType());
    d.getInitializer()
        .ifPresent(init -> exprs.assignTo(AccessPath.of(AccessPath.Root.LOCAL, name), init, d));
    scope.addLocal(name, type);
  }

  private void ifStatement(IfStmt i) {
    Branches b = exprs.condition(i.getCondition());
    cfg.setFrontier(b.whenTrue());
    statement(i.getThenStmt());
    List<CfgNode> afterThen = new ArrayList<>(cfg.frontier());
    cfg.setFrontier(b.whenFalse());
    i.getElseStmt().ifPresent(this::statement);
    afterThen.addAll(cfg.frontier());
    cfg.setFrontier(afterThen);
  }

  private void labeled(LabeledStmt l) {
    Set<String> labels = new HashSet<>();
    Statement inner = l;
    while (inner instanceof LabeledStmt ls) {
      labels.add(ls.getLabel().asString());
      inner = ls.getStatement();
    }
    if (inner instanceof WhileStmt
        || inner instanceof DoStmt
        || inner instanceof ForStmt
        || inner instanceof ForEachStmt) {
      loop(inner, labels);
    } else if (inner instanceof SwitchStmt sw) {
      switchBlock(sw.getSelector(), sw.getEntries(), labels, false);
    } else {
      CfgNode after = cfg.fresh();
      cfg.push(new Breakable(labels, after, null, false, false));
      statement(inner);
      cfg.pop();
      CfgBuilder.link(cfg.frontier(), after);
      cfg.setFrontier(List.of(after));
    }
  }

  private void loop(Statement s, Set<String> labels) {
    if (s instanceof ForStmt f) f.getInitialization().forEach(this::expression);
    Value iterable = s instanceof ForEachStmt fe ? exprs.value(fe.getIterable()) : null;
    CfgNode head = cfg.join();
    CfgNode after = cfg.fresh();
    CfgNode next = s instanceof ForStmt || s instanceof DoStmt ? cfg.fresh() : head;
    List<CfgNode> exits;
    if (s instanceof WhileStmt w) {
      Branches b = exprs.condition(w.getCondition());
      cfg.setFrontier(b.whenTrue());
      exits = b.whenFalse();
    } else if (s instanceof ForStmt f && f.getCompare().isPresent()) {
      Branches b = exprs.condition(f.getCompare().get());
      cfg.setFrontier(b.whenTrue());
      exits = b.whenFalse();
    } else if (s instanceof ForEachStmt fe) {
      exits = List.of(head);
      VariableDeclarator v = fe.getVariableDeclarator();
      Value element =
          iterable instanceof Value.Path p
              ? new Value.Path(p.path().field(AccessPath.ANY_INDEX))
              : new Value.Opaque(fe.getIterable().toString());
      scope.addLocal(
          v.getNameAsString(),
          TypeNames.isVar(v.getType()) ? "var" : TypeNames.simple(v.getType()));
      cfg.emit(
          new Stmt.Assign(
              AccessPath.of(AccessPath.Root.LOCAL, v.getNameAsString()), element, file.loc(v)));
    } else {
      exits = List.of();
    }
    cfg.push(new Breakable(labels, after, next, true, false));
    statement(bodyOf(s));
    cfg.pop();
    CfgBuilder.link(cfg.frontier(), next);
    if (next != head) {
      cfg.setFrontier(List.of(next));
      if (s instanceof ForStmt f) f.getUpdate().forEach(this::expression);
      if (s instanceof DoStmt d) {
        Branches b = exprs.condition(d.getCondition());
        cfg.setFrontier(b.whenTrue());
        exits = b.whenFalse();
      }
      CfgBuilder.link(cfg.frontier(), head);
    }
    CfgBuilder.link(exits, after);
    cfg.setFrontier(List.of(after));
  }

  private static Statement bodyOf(Statement loop) {
    if (loop instanceof WhileStmt w) return w.getBody();
    if (loop instanceof DoStmt d) return d.getBody();
    if (loop instanceof ForStmt f) return f.getBody();
    return ((ForEachStmt) loop).getBody();
  }

  /**
   * Switch statements and expressions: every entry is reachable from the selector; old-style groups
   * fall through, arrow entries do not. Without a default the selector can skip them all.
   */
  void switchBlock(
      Expression selector, NodeList<SwitchEntry> entries, Set<String> labels, boolean yields) {
    exprs.value(selector);
    List<CfgNode> dispatch = List.copyOf(cfg.frontier());
    CfgNode after = cfg.fresh();
    cfg.push(new Breakable(labels, after, null, !yields, yields));
    List<CfgNode> fallthrough = List.of();
    boolean hasDefault = false;
    for (SwitchEntry e : entries) {
      hasDefault |= e.isDefault() || e.getLabels().isEmpty();
      List<CfgNode> in = new ArrayList<>(dispatch);
      in.addAll(fallthrough);
      cfg.setFrontier(in);
      cfg.join();
      e.getGuard().ifPresent(exprs::value);
      for (Statement st : e.getStatements()) statement(st);
      if (e.getType() == SwitchEntry.Type.STATEMENT_GROUP) {
        fallthrough = List.copyOf(cfg.frontier());
      } else {
        CfgBuilder.link(cfg.frontier(), after);
        fallthrough = List.of();
      }
    }
    cfg.pop();
    CfgBuilder.link(fallthrough, after);
    if (!hasDefault) CfgBuilder.link(dispatch, after);
    cfg.setFrontier(List.of(after));
  }

  /**
   * Calls in the try block may throw into every catch clause; calls in the catch clauses (or in a
   * try without catches) throw into the finally. Normal completion runs the finally once more.
   */
  private void tryStatement(TryStmt t) {
    List<CfgNode> catchEntries = new ArrayList<>();
    for (int i = 0; i < t.getCatchClauses().size(); i++) catchEntries.add(cfg.fresh());
    TryFrame frame = new TryFrame(catchEntries, t.getFinallyBlock().orElse(null));
    cfg.push(frame);
    t.getResources().forEach(this::expression);
    statement(t.getTryBlock());
    List<CfgNode> completed = new ArrayList<>(cfg.frontier());
    frame.inCatches = true;
    for (int i = 0; i < catchEntries.size(); i++) {
      CatchClause c = t.getCatchClauses().get(i);
      scope.addLocal(
          c.getParameter().getNameAsString(), TypeNames.simple(c.getParameter().getType()));
      cfg.setFrontier(List.of(catchEntries.get(i)));
      statement(c.getBody());
      completed.addAll(cfg.frontier());
    }
    cfg.pop();
    cfg.setFrontier(completed);
    t.getFinallyBlock().ifPresent(this::statement);
  }

  /** {@code this(...)} / {@code super(...)}: a call of that constructor on this object. */
  private void constructorInvocation(ExplicitConstructorInvocationStmt c) {
    String type =
        c.isThis()
            ? scope.className
            : file.index()
                .find(scope.className)
                .map(ClassInfo::superName)
                .orElse(CallNaming.UNKNOWN_RECEIVER);
    List<Value> args = new ArrayList<>();
    args.add(new Value.Path(AccessPath.of(AccessPath.Root.PARAM, FunctionScope.THIS)));
    for (Expression a : c.getArguments()) args.add(exprs.value(a));
    String callee =
        CallNaming.qualified(file.index(), type, ClassIndexer.CONSTRUCTOR, c.getArguments().size());
    cfg.emit(new Stmt.Call(callee, args, null, file.loc(c)));
  }
}
