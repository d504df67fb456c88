package dev.mrcheck.frontend.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnknownType;
import dev.mrcheck.frontend.InputScreen;
import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.CfgNode;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.ParseProblem;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.ir.StructField;
import dev.mrcheck.ir.TypeRegistration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Lowers one compilation unit: every class (top-level, nested, local) gives its fields, one {@link
 * Function} per method or constructor with a body, and possibly a {@link TypeRegistration}. Lambdas
 * and anonymous-class methods become functions of their own, found while lowering the expressions
 * that contain them. A method that cannot be lowered is reported and skipped.
 */
final class FileLowering {
  static final String STATIC_INIT = "<clinit>";
  private static final String ADAPTER_HOLDER = "holder";
  private static final String ADAPTER_ARG = "arg";

  private final String file;
  private final SourceIndex index;
  private final TypeOracle types;
  private final List<Function> functions = new ArrayList<>();
  private final List<TypeRegistration> registrations = new ArrayList<>();
  private final List<StructField> fields = new ArrayList<>();
  private final List<ParseProblem> problems = new ArrayList<>();

  FileLowering(String file, SourceIndex index) {
    this.file = file;
    this.index = index;
    this.types = new TypeOracle(index);
  }

  String file() {
    return file;
  }

  SourceIndex index() {
    return index;
  }

  TypeOracle types() {
    return types;
  }

  List<Function> functions() {
    return functions;
  }

  List<TypeRegistration> registrations() {
    return registrations;
  }

  List<StructField> fields() {
    return fields;
  }

  List<ParseProblem> problems() {
    return problems;
  }

  SourceLoc loc(Node n) {
    return n.getRange()
        .map(r -> new SourceLoc(file, r.begin.line, r.begin.column, r.end.line, r.end.column))
        .orElse(SourceLoc.of(file, 1, 1));
  }

  void lowerUnit(CompilationUnit cu) {
    for (TypeDeclaration<?> type : cu.findAll(TypeDeclaration.class)) lowerType(type);
  }

  private void lowerType(TypeDeclaration<?> type) {
    String cls = type.getNameAsString();
    ClassInfo info = index.find(cls).orElseGet(() -> ClassIndexer.summarize(type));
    addFields(type, info);
    Map<MethodDeclaration, String> methodNames = new IdentityHashMap<>();
    for (MethodDeclaration m : type.getMethods()) {
      String name = CallNaming.method(info, m.getNameAsString(), m.getParameters().size());
      methodNames.put(m, name);
      if (m.getBody().isEmpty()) continue;
      guarded(
          name,
          m,
          () -> {
            FunctionScope scope = new FunctionScope(cls, m.isStatic(), name, null);
            addParams(scope, m.getParameters());
            return function(scope, m.getName(), s -> s.statement(m.getBody().get()));
          });
    }
    String initKey = lowerConstructors(type, info);
    lowerStaticInit(type);
    DeviceRecognizer.recognize(type, index, methodNames::get, initKey, loc(type.getName()))
        .ifPresent(registrations::add);
  }

  /**
   * Constructors run the instance field initializers and initializer blocks after the superclass
   * constructor; a class without constructors gets a synthetic one when it has such initializers.
   * Returns the constructor that plays instance_init: the no-argument one, else the only one; null
   * when there is none.
   */
  private String lowerConstructors(TypeDeclaration<?> type, ClassInfo info) {
    String cls = type.getNameAsString();
    List<BodyDeclaration<?>> initializers = instanceInitializers(type);
    List<ConstructorDeclaration> ctors = type.getConstructors();
    String initKey = null;
    for (ConstructorDeclaration c : ctors) {
      String name = CallNaming.method(info, ClassIndexer.CONSTRUCTOR, c.getParameters().size());
      if (c.getParameters().isEmpty() || ctors.size() == 1) initKey = name;
      guarded(
          name,
          c,
          () -> {
            FunctionScope scope = new FunctionScope(cls, false, name, null);
            addParams(scope, c.getParameters());
            return function(
                scope,
                c.getName(),
                s -> {
                  List<Statement> body = c.getBody().getStatements();
                  boolean delegates =
                      !body.isEmpty()
                          && body.get(0) instanceof ExplicitConstructorInvocationStmt e
                          && e.isThis();
                  int from =
                      !body.isEmpty() && body.get(0) instanceof ExplicitConstructorInvocationStmt
                          ? 1
                          : 0;
                  if (from == 1) s.statement(body.get(0));
                  if (!delegates) runInitializers(s, cls, initializers, false);
                  for (Statement st : body.subList(from, body.size())) s.statement(st);
                });
          });
    }
    if (ctors.isEmpty() && !initializers.isEmpty()) {
      String name = CallNaming.method(info, ClassIndexer.CONSTRUCTOR, 0);
      initKey = name;
      guarded(
          name,
          type,
          () ->
              function(
                  new FunctionScope(cls, false, name, null),
                  type.getName(),
                  s -> runInitializers(s, cls, initializers, false)));
    }
    return initKey;
  }

  /** Static field initializers with calls, and static blocks, as {@code Class.<clinit>}. */
  private void lowerStaticInit(TypeDeclaration<?> type) {
    List<BodyDeclaration<?>> statics = new ArrayList<>();
    for (BodyDeclaration<?> m : type.getMembers()) {
      if (m instanceof InitializerDeclaration i && i.isStatic()) statics.add(m);
      if (m instanceof FieldDeclaration f && f.isStatic() && hasComputedInitializer(f))
        statics.add(m);
    }
    if (statics.isEmpty()) return;
    String name = type.getNameAsString() + "." + STATIC_INIT;
    guarded(
        name,
        type,
        () ->
            function(
                new FunctionScope(type.getNameAsString(), true, name, null),
                type.getName(),
                s -> runInitializers(s, type.getNameAsString(), statics, true)));
  }

  private static List<BodyDeclaration<?>> instanceInitializers(TypeDeclaration<?> type) {
    List<BodyDeclaration<?>> out = new ArrayList<>();
    for (BodyDeclaration<?> m : type.getMembers()) {
      if (m instanceof InitializerDeclaration i && !i.isStatic()) out.add(m);
      if (m instanceof FieldDeclaration f && !f.isStatic() && hasComputedInitializer(f)) out.add(m);
    }
    return out;
  }

  /** Literal initializers ({@code SIZE = 0x100}) say nothing about regions and are skipped. */
  private static boolean hasComputedInitializer(FieldDeclaration f) {
    return f.getVariables().stream()
        .anyMatch(v -> v.getInitializer().filter(i -> !(i instanceof LiteralExpr)).isPresent());
  }

  private static void runInitializers(
      StatementLowering s, String cls, List<BodyDeclaration<?>> members, boolean statics) {
    for (BodyDeclaration<?> m : members) {
      if (m instanceof InitializerDeclaration i) {
        s.statement(i.getBody());
        continue;
      }
      for (VariableDeclarator v : ((FieldDeclaration) m).getVariables()) {
        if (v.getInitializer().isEmpty()) continue;
        AccessPath target =
            statics
                ? AccessPath.of(AccessPath.Root.GLOBAL, cls + "." + v.getNameAsString())
                : AccessPath.of(AccessPath.Root.PARAM, FunctionScope.THIS, v.getNameAsString());
        s.initialize(target, v.getInitializer().get(), v);
      }
    }
  }

  /**
   * A lambda body as its own function {@code Outer.method$lambda$N}; returns its name. Lambdas,
   * anonymous-class methods and adapters are file-local: no code outside the file can name them, so
   * they run only where their file hands them over (a call's argument, a field they are stored in).
   */
  String lowerLambda(LambdaExpr l, FunctionScope enclosing) {
    String name = enclosing.nextSynthetic("lambda");
    guarded(
        name,
        l,
        () -> {
          FunctionScope scope =
              new FunctionScope(enclosing.className, enclosing.isStatic, name, enclosing);
          addParams(scope, l.getParameters());
          return function(
              scope,
              l,
              true,
              s -> {
                if (l.getExpressionBody().isPresent()) s.returnValue(l.getExpressionBody().get());
                else s.statement(l.getBody());
              });
        });
    return name;
  }

  /**
   * Methods of {@code new Ops() { ... }} as {@code Outer.method$anon$N.read}; {@code this} is the
   * enclosing object. Returns the function names by method name.
   */
  Map<String, String> lowerAnonymousClass(
      NodeList<BodyDeclaration<?>> body, FunctionScope enclosing) {
    String prefix = enclosing.nextSynthetic("anon");
    Map<String, String> out = new LinkedHashMap<>();
    for (BodyDeclaration<?> member : body) {
      if (!(member instanceof MethodDeclaration m) || m.getBody().isEmpty()) continue;
      String name = prefix + "." + m.getNameAsString();
      out.putIfAbsent(m.getNameAsString(), name);
      guarded(
          name,
          m,
          () -> {
            FunctionScope scope =
                new FunctionScope(enclosing.className, enclosing.isStatic, name, enclosing);
            addParams(scope, m.getParameters());
            return function(scope, m.getName(), true, s -> s.statement(m.getBody().get()));
          });
    }
    return out;
  }

  /**
   * {@code Outer.method$ref$N}: a function taking what a call through a field of functional type
   * passes (the object holding the field, then {@code arity} arguments) that calls {@code target}
   * with the arguments, after {@code bound} (the receiver of {@code expr::m}) when there is one.
   * The holder is the adapter's {@code this} where the enclosing code has one. Returns its name.
   */
  String lowerAdapter(
      Node at, FunctionScope enclosing, String target, Expression bound, int arity) {
    String name = enclosing.nextSynthetic("ref");
    guarded(
        name,
        at,
        () -> {
          FunctionScope scope =
              new FunctionScope(enclosing.className, enclosing.isStatic, name, enclosing);
          if (enclosing.isStatic) scope.addParam(ADAPTER_HOLDER, CallNaming.UNKNOWN_RECEIVER);
          List<String> params = new ArrayList<>();
          for (int i = 1; i <= arity; i++) {
            params.add(ADAPTER_ARG + i);
            scope.addParam(ADAPTER_ARG + i, CallNaming.UNKNOWN_RECEIVER);
          }
          return function(scope, at, true, s -> s.forward(target, bound, params, loc(at)));
        });
    return name;
  }

  private Function function(FunctionScope scope, Node at, Consumer<StatementLowering> body) {
    return function(scope, at, false, body);
  }

  private Function function(
      FunctionScope scope, Node at, boolean fileLocal, Consumer<StatementLowering> body) {
    CfgBuilder cfg = new CfgBuilder();
    StatementLowering statements =
        new StatementLowering(this, scope, cfg, new ExpressionLowering(this, scope, cfg));
    body.accept(statements);
    List<CfgNode> open = cfg.frontier();
    CfgBuilder.link(open, cfg.cfg().exit());
    return new Function(
        scope.functionName,
        file,
        fileLocal,
        loc(at),
        scope.params(),
        scope.localTypes(),
        cfg.cfg());
  }

  private interface FunctionSupplier {
    Function get();
  }

  private void guarded(String name, Node at, FunctionSupplier lowering) {
    boolean ownBody = at instanceof CallableDeclaration<?> || at instanceof LambdaExpr;
    if (ownBody && treeDepth(at, InputScreen.MAX_TREE_DEPTH) > InputScreen.MAX_TREE_DEPTH) {
      problems.add(new ParseProblem(loc(at), InputScreen.TOO_DEEP_TREE, name));
      return;
    }
    try {
      functions.add(lowering.get());
    } catch (RuntimeException | StackOverflowError e) {
      problems.add(
          new ParseProblem(
              loc(at), "could not lower " + name + ": " + e.getClass().getSimpleName(), name));
    }
  }

  /**
   * The depth of {@code root}'s subtree (a leaf is 1), counting no further than {@code limit + 1};
   * no recursion.
   */
  private static int treeDepth(Node root, int limit) {
    Deque<Map.Entry<Node, Integer>> todo = new ArrayDeque<>();
    todo.push(Map.entry(root, 1));
    int max = 0;
    while (!todo.isEmpty() && max <= limit) {
      Map.Entry<Node, Integer> e = todo.pop();
      max = Math.max(max, e.getValue());
      for (Node child : e.getKey().getChildNodes()) todo.push(Map.entry(child, e.getValue() + 1));
    }
    return max;
  }

  private static void addParams(FunctionScope scope, NodeList<Parameter> params) {
    for (Parameter p : params) scope.addParam(p.getNameAsString(), paramType(p));
  }

  /**
   * The parameter's simple type. A jextract binding erases C's {@code Error **errp} to a {@code
   * MemorySegment}; QEMU's name for it, {@code errp}, says it is the error handle ({@code Error}).
   */
  private static String paramType(Parameter p) {
    Type t = p.getType();
    if (t instanceof UnknownType) return CallNaming.UNKNOWN_RECEIVER;
    String type = TypeNames.simple(t);
    return type.equals("MemorySegment") && p.getNameAsString().equals("errp") ? "Error" : type;
  }

  private void addFields(TypeDeclaration<?> type, ClassInfo info) {
    List<Type> declared = new ArrayList<>();
    List<String> names = new ArrayList<>();
    if (type instanceof RecordDeclaration r) {
      r.getParameters()
          .forEach(
              p -> {
                declared.add(p.getType());
                names.add(p.getNameAsString());
              });
    }
    for (FieldDeclaration f : type.getFields()) {
      for (VariableDeclarator v : f.getVariables()) {
        declared.add(v.getType());
        names.add(v.getNameAsString());
      }
    }
    for (int i = 0; i < names.size(); i++) {
      Type t = declared.get(i);
      fields.add(
          new StructField(
              info.name(),
              names.get(i),
              TypeNames.simple(t),
              !t.isPrimitiveType(),
              t.isArrayType()));
    }
  }
}
