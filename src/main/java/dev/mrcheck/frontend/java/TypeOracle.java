package dev.mrcheck.frontend.java;

import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.resolution.types.ResolvedType;
import dev.mrcheck.frontend.java.ClassInfo.MethodInfo;
import java.util.Optional;

/**
 * The declared type (simple name) of an expression. Cheap exact answers come first (locals and
 * parameters of the function, fields and methods of scanned classes); the symbol solver is asked
 * only when those fail, since it is slow and throws on anything it cannot see; an empty answer
 * means unknown.
 */
final class TypeOracle {
  private final SourceIndex index;

  TypeOracle(SourceIndex index) {
    this.index = index;
  }

  Optional<String> typeOf(Expression e, FunctionScope scope) {
    Optional<String> known = fromSource(e, scope);
    return known.isPresent() ? known : fromSolver(e);
  }

  /** Whether {@code e}, used as a call or field scope, names a class rather than a value. */
  boolean isTypeName(Expression e, FunctionScope scope) {
    if (e instanceof NameExpr n) {
      String name = n.getNameAsString();
      if (isVariable(name, scope)) return false;
      return index.find(name).isPresent()
          || CallNaming.isHolder(name)
          || Character.isUpperCase(name.charAt(0));
    }
    if (e instanceof FieldAccessExpr f) {
      Expression root = f;
      while (root instanceof FieldAccessExpr fa) root = fa.getScope();
      String last = f.getNameAsString();
      return root instanceof NameExpr r
          && Character.isLowerCase(r.getNameAsString().charAt(0))
          && !isVariable(r.getNameAsString(), scope)
          && (Character.isUpperCase(last.charAt(0)) || CallNaming.isHolder(last));
    }
    return false;
  }

  private boolean isVariable(String name, FunctionScope scope) {
    return scope.rootOf(name).isPresent() || index.fieldType(scope.className, name).isPresent();
  }

  private Optional<String> fromSource(Expression e, FunctionScope scope) {
    if (e instanceof EnclosedExpr p) return fromSource(p.getInner(), scope);
    if (e instanceof CastExpr c) return Optional.of(TypeNames.simple(c.getType()));
    if (e instanceof ThisExpr) return Optional.of(scope.className);
    if (e instanceof SuperExpr) return index.find(scope.className).map(ClassInfo::superName);
    if (e instanceof ObjectCreationExpr o) return Optional.of(TypeNames.simple(o.getType()));
    if (e instanceof ArrayAccessExpr a) return fromSource(a.getName(), scope);
    if (e instanceof NameExpr n) {
      // A lambda's untyped parameter ("?") is typed by the solver, from the lambda's target type.
      Optional<String> local =
          scope
              .typeOf(n.getNameAsString())
              .filter(t -> !t.equals("var") && !t.equals(CallNaming.UNKNOWN_RECEIVER));
      if (local.isPresent()) return local;
      if (isTypeName(n, scope)) return Optional.of(n.getNameAsString());
      return index.fieldType(scope.className, n.getNameAsString());
    }
    if (e instanceof FieldAccessExpr f) {
      if (isTypeName(f.getScope(), scope)) {
        return index.fieldType(TypeNames.simple(f.getScope().toString()), f.getNameAsString());
      }
      return typeOf(f.getScope(), scope).flatMap(t -> index.fieldType(t, f.getNameAsString()));
    }
    if (e instanceof MethodCallExpr m) {
      if (CallNaming.isCastLike(m)) return Optional.empty();
      Optional<String> owner =
          m.getScope().isEmpty()
              ? Optional.of(scope.className)
              : isTypeName(m.getScope().get(), scope)
                  ? Optional.of(TypeNames.simple(m.getScope().get().toString()))
                  : typeOf(m.getScope().get(), scope);
      return owner
          .flatMap(t -> index.method(t, m.getNameAsString(), m.getArguments().size()))
          .map(SourceIndex.Found::method)
          .map(MethodInfo::returnType);
    }
    return Optional.empty();
  }

  private static Optional<String> fromSolver(Expression e) {
    try {
      ResolvedType t = e.calculateResolvedType();
      if (t.isReferenceType())
        return Optional.of(TypeNames.simple(t.asReferenceType().getQualifiedName()));
      if (t.isArray())
        return Optional.of(TypeNames.simple(t.asArrayType().getComponentType().describe()));
      return Optional.of(t.describe());
    } catch (RuntimeException | StackOverflowError | LinkageError ex) {
      return Optional.empty();
    }
  }
}
