package dev.mrcheck.frontend.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import dev.mrcheck.frontend.java.SourceIndex.Found;
import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.CfgNode;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lowers expressions of one function: calls become {@link Stmt.Call} nodes in evaluation order
 * (receiver, then arguments, then the call), everything else becomes a {@link Value}. Cast-like
 * calls ({@code qom_h.OBJECT(x)}) and trivial getters ({@code s.mmio()}) are looked through and
 * become paths, as C's casts and {@code &s->mmio} are.
 */
final class ExpressionLowering {
  private static final int OPAQUE_TEXT_LIMIT = 80;

  private final FileLowering file;
  private final FunctionScope scope;
  private final CfgBuilder cfg;
  private final TypeOracle types;
  private final SourceIndex index;
  private final StoredFunctions stored;
  private StatementLowering statements;

  /** Where a condition leads: the frontier when it held, and when it did not. */
  record Branches(List<CfgNode> whenTrue, List<CfgNode> whenFalse) {}

  ExpressionLowering(FileLowering file, FunctionScope scope, CfgBuilder cfg) {
    this.file = file;
    this.scope = scope;
    this.cfg = cfg;
    this.types = file.types();
    this.index = file.index();
    this.stored = new StoredFunctions(file, scope);
  }

  void useStatements(StatementLowering statements) {
    this.statements = statements;
  }

  Value value(Expression e) {
    if (e instanceof EnclosedExpr p) return value(p.getInner());
    if (e instanceof CastExpr c) return value(c.getExpression());
    if (e instanceof NullLiteralExpr) return new Value.Null();
    if (e instanceof LiteralExpr l) return new Value.Literal(l.toString());
    if (e instanceof NameExpr n) return nameValue(n.getNameAsString());
    if (e instanceof ThisExpr) return new Value.Path(thisPath());
    if (e instanceof FieldAccessExpr f) return fieldValue(f);
    if (e instanceof ArrayAccessExpr a) {
      Value base = value(a.getName());
      value(a.getIndex());
      return base instanceof Value.Path p
          ? new Value.Path(p.path().field(AccessPath.ANY_INDEX))
          : opaque(e);
    }
    if (e instanceof MethodCallExpr m) return call(m, null);
    if (e instanceof ObjectCreationExpr o) return construct(o, null);
    if (e instanceof AssignExpr a) return assign(a);
    if (e instanceof LambdaExpr l) return functionRef(file.lowerLambda(l, scope));
    if (e instanceof MethodReferenceExpr r) return methodRef(r);
    if (e instanceof ConditionalExpr c) return conditional(c);
    if (e instanceof BinaryExpr b && isShortCircuit(b)) {
      Branches br = condition(b);
      cfg.setFrontier(concat(br.whenTrue(), br.whenFalse()));
      return opaque(e);
    }
    if (e instanceof SwitchExpr s) {
      statements.switchBlock(s.getSelector(), s.getEntries(), java.util.Set.of(), true);
      return opaque(e);
    }
    if (e instanceof InstanceOfExpr i && i.getPattern().orElse(null) instanceof TypePatternExpr p) {
      Value v = value(i.getExpression());
      scope.addLocal(p.getNameAsString(), TypeNames.simple(p.getType()));
      cfg.emit(
          new Stmt.Assign(
              AccessPath.of(AccessPath.Root.LOCAL, p.getNameAsString()), v, file.loc(i)));
      return opaque(e);
    }
    for (Node child : e.getChildNodes()) if (child instanceof Expression ce) value(ce);
    return opaque(e);
  }

  /**
   * {@code target = rhs}: a call stores its result ({@code Call.result}), anything else is an
   * {@link Stmt.Assign}.
   */
  Value assignTo(AccessPath target, Expression rhs, Node at) {
    Expression r = rhs;
    while (r instanceof EnclosedExpr || r instanceof CastExpr) {
      r = r instanceof EnclosedExpr p ? p.getInner() : ((CastExpr) r).getExpression();
    }
    if (r instanceof MethodCallExpr m) return call(m, target);
    if (r instanceof ObjectCreationExpr o) return construct(o, target);
    if (isField(target) && (r instanceof LambdaExpr || r instanceof MethodReferenceExpr)) {
      Optional<String> held = stored.of(r, functionalArity(target));
      if (held.isPresent()) {
        Value v = functionRef(held.get());
        cfg.emit(new Stmt.Assign(target, v, file.loc(at)));
        return v;
      }
    }
    Value v = value(r);
    cfg.emit(new Stmt.Assign(target, v, file.loc(at)));
    return v;
  }

  Value assign(AssignExpr a) {
    Optional<AccessPath> target =
        value(a.getTarget()) instanceof Value.Path p ? Optional.of(p.path()) : Optional.empty();
    if (target.isEmpty()) return value(a.getValue());
    if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
      value(a.getValue());
      cfg.emit(new Stmt.Assign(target.get(), opaque(a), file.loc(a)));
      return new Value.Path(target.get());
    }
    assignTo(target.get(), a.getValue(), a);
    return new Value.Path(target.get());
  }

  /**
   * Short-circuit conditions become separate branches; {@code !} swaps them. A leaf condition
   * {@code c} gives {@code Assume(c, true)} and {@code Assume(c, false)}; {@code x != null} is
   * lowered as C's {@code if (x)}, {@code x == null} as {@code if (!x)}.
   */
  Branches condition(Expression e) {
    if (e instanceof EnclosedExpr p) return condition(p.getInner());
    if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      Branches b = condition(u.getExpression());
      return new Branches(b.whenFalse(), b.whenTrue());
    }
    if (e instanceof BooleanLiteralExpr b) {
      List<CfgNode> here = List.copyOf(cfg.frontier());
      return b.getValue() ? new Branches(here, List.of()) : new Branches(List.of(), here);
    }
    if (e instanceof BinaryExpr b && isShortCircuit(b)) {
      boolean and = b.getOperator() == BinaryExpr.Operator.AND;
      Branches left = condition(b.getLeft());
      cfg.setFrontier(and ? left.whenTrue() : left.whenFalse());
      Branches right = condition(b.getRight());
      return and
          ? new Branches(right.whenTrue(), concat(left.whenFalse(), right.whenFalse()))
          : new Branches(concat(left.whenTrue(), right.whenTrue()), right.whenFalse());
    }
    if (e instanceof BinaryExpr b && nullComparison(b).isPresent()) {
      Expression tested = nullComparison(b).get();
      Branches tests = leaf(tested);
      return b.getOperator() == BinaryExpr.Operator.NOT_EQUALS
          ? tests
          : new Branches(tests.whenFalse(), tests.whenTrue());
    }
    return leaf(e);
  }

  private Branches leaf(Expression e) {
    Value v = value(e);
    List<CfgNode> here = List.copyOf(cfg.frontier());
    CfgNode t = cfg.emit(new Stmt.Assume(v, true, file.loc(e)));
    cfg.setFrontier(here);
    CfgNode f = cfg.emit(new Stmt.Assume(v, false, file.loc(e)));
    return new Branches(List.of(t), List.of(f));
  }

  private static Optional<Expression> nullComparison(BinaryExpr b) {
    if (b.getOperator() != BinaryExpr.Operator.EQUALS
        && b.getOperator() != BinaryExpr.Operator.NOT_EQUALS) {
      return Optional.empty();
    }
    if (b.getRight().isNullLiteralExpr()) return Optional.of(b.getLeft());
    if (b.getLeft().isNullLiteralExpr()) return Optional.of(b.getRight());
    return Optional.empty();
  }

  private static boolean isShortCircuit(BinaryExpr b) {
    return b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR;
  }

  private Value conditional(ConditionalExpr c) {
    Branches b = condition(c.getCondition());
    cfg.setFrontier(b.whenTrue());
    value(c.getThenExpr());
    List<CfgNode> afterThen = List.copyOf(cfg.frontier());
    cfg.setFrontier(b.whenFalse());
    value(c.getElseExpr());
    cfg.setFrontier(concat(afterThen, cfg.frontier()));
    return opaque(c);
  }

  // ---- names and fields

  private AccessPath thisPath() {
    return AccessPath.of(AccessPath.Root.PARAM, FunctionScope.THIS);
  }

  /**
   * Locals and parameters by name; other names are fields of the class ({@code this.name}) or
   * globals.
   */
  private Value nameValue(String name) {
    Optional<AccessPath.Root> root = scope.rootOf(name);
    if (root.isPresent()) return new Value.Path(AccessPath.of(root.get(), name));
    boolean field = index.fieldType(scope.className, name).isPresent();
    if (field && index.isStaticField(scope.className, name)) {
      return new Value.Path(AccessPath.of(AccessPath.Root.GLOBAL, scope.className + "." + name));
    }
    if (scope.isStatic || !field && name.equals(name.toUpperCase(java.util.Locale.ROOT))) {
      return new Value.Path(AccessPath.of(AccessPath.Root.GLOBAL, name));
    }
    return new Value.Path(thisPath().field(name));
  }

  private Value fieldValue(FieldAccessExpr f) {
    if (types.isTypeName(f.getScope(), scope)) {
      String type = TypeNames.simple(f.getScope().toString());
      if (type.equals("MemorySegment") && f.getNameAsString().equals("NULL"))
        return new Value.Null();
      return new Value.Path(
          AccessPath.of(AccessPath.Root.GLOBAL, type + "." + f.getNameAsString()));
    }
    Value base = value(f.getScope());
    return base instanceof Value.Path p
        ? new Value.Path(p.path().field(f.getNameAsString()))
        : opaque(f);
  }

  // ---- calls

  /**
   * A call, or what it is looked through to; {@code result} is where its value is stored, or null.
   */
  Value call(MethodCallExpr m, AccessPath result) {
    String name = m.getNameAsString();
    int arity = m.getArguments().size();
    Optional<Expression> callScope = m.getScope();
    boolean staticScope = callScope.isPresent() && types.isTypeName(callScope.get(), scope);
    if (CallNaming.isCastLike(m) && (callScope.isEmpty() || staticScope)) {
      return lookedThrough(value(m.getArgument(0)), result, m);
    }
    List<Value> args = new ArrayList<>();
    String callee;
    if (staticScope) {
      String type = TypeNames.simple(callScope.get().toString());
      callee = CallNaming.isHolder(type) ? name : qualified(type, name, arity);
    } else if (callScope.isEmpty()) {
      Optional<String> getter =
          arity == 0 && !scope.isStatic ? getterField(scope.className, name) : Optional.empty();
      if (getter.isPresent())
        return lookedThrough(new Value.Path(thisPath().field(getter.get())), result, m);
      Unqualified u = unqualified(m);
      callee = u.callee();
      if (u.takesThis()) args.add(new Value.Path(thisPath()));
    } else {
      Expression receiver = callScope.get();
      Value recv = receiver instanceof SuperExpr ? new Value.Path(thisPath()) : value(receiver);
      Optional<String> type = types.typeOf(receiver, scope);
      if (recv instanceof Value.Path p && isField(p.path()) && type.isPresent()) {
        Optional<FunctionalInterfaces.Abstract> runs =
            FunctionalInterfaces.of(type.get(), index)
                .filter(a -> a.name().equals(name) && a.arity() == arity);
        if (runs.isPresent()) return throughField(p.path(), m, result);
      }
      if (arity == 0 && recv instanceof Value.Path p) {
        Optional<String> getter =
            type.isPresent() ? getterField(type.get(), name) : index.getterEverywhere(name);
        if (getter.isPresent())
          return lookedThrough(new Value.Path(p.path().field(getter.get())), result, m);
      }
      args.add(recv);
      callee =
          type.map(t -> qualified(t, name, arity)).orElseGet(() -> unknownReceiver(name, arity));
    }
    for (Expression a : m.getArguments()) args.add(value(a));
    cfg.emit(new Stmt.Call(callee, args, result, file.loc(m)));
    return new Value.CallResult(callee, args);
  }

  /**
   * {@code this.teardown.run()}, {@code s.unmapper.accept(r)}: a call of the function the field
   * holds, through the field ({@link Stmt.Call#throughField}). The object holding the field is
   * passed first: it is the {@code this} of what the field holds ({@link StoredFunctions}).
   */
  private Value throughField(AccessPath field, MethodCallExpr m, AccessPath result) {
    List<Value> args = new ArrayList<>();
    args.add(
        new Value.Path(
            new AccessPath(
                field.kind(), field.root(), field.steps().subList(0, field.steps().size() - 1))));
    for (Expression a : m.getArguments()) args.add(value(a));
    Stmt.Call c = Stmt.Call.throughField(field, args, result, file.loc(m));
    cfg.emit(c);
    return new Value.CallResult(c.callee(), args);
  }

  /** A named field of an object ({@code this.f}, {@code s.f}), not an array element. */
  private static boolean isField(AccessPath p) {
    return p != null && !p.steps().isEmpty() && !p.lastStep().equals(AccessPath.ANY_INDEX);
  }

  /**
   * The parameter count of the method a call through {@code field} uses, when its declared type is
   * a functional interface; else -1.
   */
  private int functionalArity(AccessPath field) {
    Optional<String> type = scope.typeOf(field.root());
    for (String step : field.steps()) type = type.flatMap(t -> index.fieldType(t, step));
    return type.flatMap(t -> FunctionalInterfaces.of(t, index))
        .map(FunctionalInterfaces.Abstract::arity)
        .orElse(-1);
  }

  /**
   * The field returned by {@code type}'s no-argument method {@code name}, when it is a trivial
   * getter.
   */
  private Optional<String> getterField(String type, String name) {
    return index
        .method(type, name, 0)
        .map(Found::method)
        .filter(mi -> mi.arity() == 0 && !mi.isStatic())
        .map(ClassInfo.MethodInfo::getterField);
  }

  private record Unqualified(String callee, boolean takesThis) {}

  /**
   * {@code helper(x)}: a method of this class or its scanned superclasses ({@code this} first for
   * instance methods), else what the solver finds, else a statically imported C-named function.
   */
  private Unqualified unqualified(MethodCallExpr m) {
    String name = m.getNameAsString();
    int arity = m.getArguments().size();
    Optional<Found> found = index.method(scope.className, name, arity);
    if (found.isPresent()) {
      return new Unqualified(
          CallNaming.method(found.get().declarer(), name, arity),
          !found.get().method().isStatic() && !scope.isStatic);
    }
    try {
      ResolvedMethodDeclaration d = m.resolve();
      String type = TypeNames.simple(d.declaringType().getQualifiedName());
      if (CallNaming.isHolder(type)) return new Unqualified(name, false);
      return new Unqualified(type + "." + name, !d.isStatic() && !scope.isStatic);
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return new Unqualified(name, false);
    }
  }

  private String unknownReceiver(String name, int arity) {
    return index
        .uniqueMethod(name, arity)
        .filter(f -> !f.method().isStatic())
        .map(f -> CallNaming.method(f.declarer(), name, arity))
        .orElse(CallNaming.UNKNOWN_RECEIVER + "." + name);
  }

  private String qualified(String type, String name, int arity) {
    return CallNaming.qualified(index, type, name, arity);
  }

  private Value lookedThrough(Value v, AccessPath result, Node at) {
    if (result != null) cfg.emit(new Stmt.Assign(result, v, file.loc(at)));
    return v;
  }

  /**
   * {@code new T(a)} calls {@code T.<init>} with the new object first, like an instance method:
   * {@code x = new T(a)} is {@code T.<init>(x, a)} with result {@code x}.
   */
  Value construct(ObjectCreationExpr o, AccessPath result) {
    String type = TypeNames.simple(o.getType());
    if (o.getScope().isPresent()) value(o.getScope().get());
    List<Value> args = new ArrayList<>();
    args.add(result != null ? new Value.Path(result) : new Value.Opaque("new " + type));
    for (Expression a : o.getArguments()) args.add(value(a));
    Map<String, String> methods =
        o.getAnonymousClassBody()
            .map(body -> file.lowerAnonymousClass(body, scope))
            .orElse(Map.of());
    String callee = qualified(type, ClassIndexer.CONSTRUCTOR, o.getArguments().size());
    cfg.emit(new Stmt.Call(callee, args, result, file.loc(o)));
    if (isField(result) && !methods.isEmpty()) storeAnonymous(o, type, methods, result);
    return new Value.CallResult(callee, args);
  }

  /**
   * {@code this.f = new Mover() { ... }}: the field holds the method that implements the
   * interface's abstract one (the only method, if the interface is not known).
   */
  private void storeAnonymous(
      ObjectCreationExpr o, String type, Map<String, String> methods, AccessPath field) {
    Optional<FunctionalInterfaces.Abstract> abstractMethod = FunctionalInterfaces.of(type, index);
    String function =
        abstractMethod.isPresent()
            ? methods.get(abstractMethod.get().name())
            : methods.size() == 1 ? methods.values().iterator().next() : null;
    if (function == null || scope.isStatic && abstractMethod.isEmpty()) return;
    String held = stored.held(o, function, abstractMethod.map(a -> a.arity()).orElse(-1));
    cfg.emit(new Stmt.Assign(field, functionRef(held), file.loc(o)));
  }

  private Value methodRef(MethodReferenceExpr r) {
    Expression target = r.getScope();
    Optional<String> type =
        target instanceof ThisExpr
            ? Optional.of(scope.className)
            : target instanceof TypeExpr t
                ? Optional.of(TypeNames.simple(t.getType()))
                : types.typeOf(target, scope);
    String name = r.getIdentifier().equals("new") ? ClassIndexer.CONSTRUCTOR : r.getIdentifier();
    return functionRef(type.orElse(CallNaming.UNKNOWN_RECEIVER) + "." + name);
  }

  private static Value functionRef(String functionName) {
    return new Value.Path(AccessPath.of(AccessPath.Root.GLOBAL, functionName));
  }

  /**
   * Source text for messages, cut short; read from the tokens so huge expressions cost no
   * pretty-printing.
   */
  private static Value opaque(Node e) {
    StringBuilder b = new StringBuilder();
    e.getTokenRange()
        .ifPresent(
            range -> {
              for (com.github.javaparser.JavaToken t : range) {
                if (b.length() > OPAQUE_TEXT_LIMIT) {
                  b.append("...");
                  break;
                }
                b.append(t.getCategory().isWhitespaceOrComment() ? " " : t.getText());
              }
            });
    return new Value.Opaque(b.toString().replaceAll("\\s+", " ").trim());
  }

  private static List<CfgNode> concat(List<CfgNode> a, List<CfgNode> b) {
    List<CfgNode> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
