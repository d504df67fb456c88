package dev.mrcheck.frontend.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.mrcheck.frontend.java.ClassInfo.MethodInfo;
import dev.mrcheck.frontend.java.SourceIndex.Found;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a field of functional type holds after {@code this.f = <lambda | method reference |
 * anonymous class>}: a function taking what a call through the field passes, the object holding the
 * field (as its {@code this}) and then the interface method's arguments (see {@link
 * ExpressionLowering#call}). A lambda, an anonymous class's method and a method of this object
 * ({@code this::m}) have that shape already; a static method or an unbound one ({@code Type::m}),
 * one bound to another receiver ({@code expr::m}), and whatever static code stores, are wrapped in
 * an adapter ({@link FileLowering#lowerAdapter}) that calls them with the right arguments.
 */
final class StoredFunctions {
  private final FileLowering file;
  private final FunctionScope scope;
  private final TypeOracle types;
  private final SourceIndex index;

  StoredFunctions(FileLowering file, FunctionScope scope) {
    this.file = file;
    this.scope = scope;
    this.types = file.types();
    this.index = file.index();
  }

  /**
   * The function a field holds once {@code value} (a lambda or a method reference) is stored in it;
   * {@code arity}: the interface method's parameter count when the field's type says it, else -1.
   * Empty when the value names no method of the scanned classes.
   */
  Optional<String> of(Expression value, int arity) {
    if (value instanceof LambdaExpr l) {
      String lambda = file.lowerLambda(l, scope);
      return Optional.of(held(l, lambda, l.getParameters().size()));
    }
    if (value instanceof MethodReferenceExpr r) return methodReference(r, arity);
    return Optional.empty();
  }

  /**
   * {@code function} (taking the enclosing object first when there is one, then {@code arity}
   * arguments) as a field holds it.
   */
  String held(Node at, String function, int arity) {
    return scope.isStatic ? file.lowerAdapter(at, scope, function, null, arity) : function;
  }

  private Optional<String> methodReference(MethodReferenceExpr r, int arity) {
    String name = r.getIdentifier();
    if (name.equals("new")) return Optional.empty();
    Expression target = variableNamed(r.getScope());
    if (target instanceof ThisExpr || target instanceof SuperExpr) {
      if (scope.isStatic) return Optional.empty();
      String type =
          target instanceof SuperExpr
              ? index.find(scope.className).map(ClassInfo::superName).orElse(null)
              : scope.className;
      return method(type, name, m -> !m.isStatic() && (arity < 0 || m.arity() == arity))
          .map(StoredFunctions::functionName);
    }
    boolean typeName = target instanceof TypeExpr || types.isTypeName(target, scope);
    String type =
        target instanceof TypeExpr t
            ? TypeNames.simple(t.getType())
            : typeName
                ? TypeNames.simple(target.toString())
                : types.typeOf(target, scope).orElse(null);
    if (!typeName) {
      return method(type, name, m -> !m.isStatic() && (arity < 0 || m.arity() == arity))
          .map(f -> file.lowerAdapter(r, scope, functionName(f), target, f.method().arity()));
    }
    return method(
            type,
            name,
            m -> arity < 0 || (m.isStatic() ? m.arity() == arity : m.arity() + 1 == arity))
        .map(
            f ->
                file.lowerAdapter(
                    r,
                    scope,
                    functionName(f),
                    null,
                    f.method().arity() + (f.method().isStatic() ? 0 : 1)));
  }

  /**
   * {@code peer::release}: the parser cannot tell a variable from a type in a reference's scope and
   * gives a type; a name that is a variable or field here is the variable.
   */
  private Expression variableNamed(Expression target) {
    if (target instanceof TypeExpr t
        && t.getType() instanceof ClassOrInterfaceType c
        && c.getScope().isEmpty()
        && c.getTypeArguments().isEmpty()) {
      NameExpr n = new NameExpr(c.getNameAsString());
      if (!types.isTypeName(n, scope)) return n;
    }
    return target;
  }

  /**
   * The method {@code name} of {@code type} (or of the nearest scanned superclass declaring one)
   * that the reference can mean: the only one that fits, or the only one there is.
   */
  private Optional<Found> method(String type, String name, Predicate<MethodInfo> fits) {
    if (type == null) return Optional.empty();
    for (ClassInfo c : index.chain(type)) {
      List<MethodInfo> named = c.methodsNamed(name);
      if (named.isEmpty()) continue;
      List<MethodInfo> fitting = new ArrayList<>();
      for (MethodInfo m : named) if (fits.test(m)) fitting.add(m);
      if (fitting.size() == 1) return Optional.of(new Found(c, fitting.get(0)));
      return named.size() == 1 ? Optional.of(new Found(c, named.get(0))) : Optional.empty();
    }
    return Optional.empty();
  }

  private static String functionName(Found f) {
    return CallNaming.method(f.declarer(), f.method().name(), f.method().arity());
  }
}
