package dev.mrcheck.frontend.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.mrcheck.frontend.java.ClassInfo.MethodInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Summarizes the classes of a compilation unit into {@link ClassInfo}s (the pre-pass over the
 * tree).
 */
final class ClassIndexer {
  static final String CONSTRUCTOR = "<init>";

  private ClassIndexer() {}

  static List<ClassInfo> classesOf(CompilationUnit cu) {
    List<ClassInfo> out = new ArrayList<>();
    for (TypeDeclaration<?> type : cu.findAll(TypeDeclaration.class)) out.add(summarize(type));
    return out;
  }

  static ClassInfo summarize(TypeDeclaration<?> type) {
    Map<String, String> fields = new LinkedHashMap<>();
    Set<String> statics = new HashSet<>();
    Map<String, List<MethodInfo>> methods = new HashMap<>();
    String superName = null;
    if (type instanceof ClassOrInterfaceDeclaration c
        && !c.isInterface()
        && !c.getExtendedTypes().isEmpty()) {
      superName = c.getExtendedTypes().get(0).getNameAsString();
    }
    if (type instanceof RecordDeclaration r) {
      r.getParameters()
          .forEach(
              p -> {
                String n = p.getNameAsString();
                fields.put(n, TypeNames.simple(p.getType()));
                add(methods, new MethodInfo(n, 0, false, TypeNames.simple(p.getType()), n));
              });
    }
    String hotpluggable = null;
    for (BodyDeclaration<?> member : type.getMembers()) {
      if (member instanceof FieldDeclaration f) {
        f.getVariables()
            .forEach(
                v -> {
                  fields.put(v.getNameAsString(), TypeNames.simple(v.getType()));
                  if (f.isStatic()) statics.add(v.getNameAsString());
                });
      } else if (member instanceof MethodDeclaration m) {
        String getter =
            m.isStatic() || !m.getParameters().isEmpty()
                ? null
                : returnedField(m.getBody()).orElse(null);
        add(
            methods,
            new MethodInfo(
                m.getNameAsString(),
                m.getParameters().size(),
                m.isStatic(),
                TypeNames.simple(m.getType()),
                getter));
        if (m.getNameAsString().equals("isHotpluggable") && m.getParameters().isEmpty()) {
          hotpluggable = returnedBoolean(m.getBody()).orElse(hotpluggable);
        }
      } else if (member instanceof ConstructorDeclaration c) {
        add(
            methods,
            new MethodInfo(
                CONSTRUCTOR, c.getParameters().size(), false, type.getNameAsString(), null));
      }
    }
    return new ClassInfo(
        type.getNameAsString(),
        superName,
        fields,
        statics,
        methods,
        hotpluggable,
        functionalMethod(type));
  }

  /**
   * The one abstract method of an interface that declares exactly one (bodiless, not overriding one
   * of {@code Object}'s public methods, which an implementation inherits); null otherwise. Methods
   * of the interfaces it extends are not looked at.
   */
  private static MethodInfo functionalMethod(TypeDeclaration<?> type) {
    if (!(type instanceof ClassOrInterfaceDeclaration c) || !c.isInterface()) return null;
    MethodInfo found = null;
    for (MethodDeclaration m : c.getMethods()) {
      if (m.getBody().isPresent() || m.isStatic() || OBJECT_METHODS.contains(m.getNameAsString()))
        continue;
      if (found != null) return null;
      found =
          new MethodInfo(
              m.getNameAsString(),
              m.getParameters().size(),
              false,
              TypeNames.simple(m.getType()),
              null);
    }
    return found;
  }

  private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString");

  private static void add(Map<String, List<MethodInfo>> methods, MethodInfo m) {
    methods.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
  }

  private static Optional<Expression> singleReturn(Optional<BlockStmt> body) {
    if (body.isEmpty() || body.get().getStatements().size() != 1) return Optional.empty();
    Statement s = body.get().getStatement(0);
    return s instanceof ReturnStmt r ? r.getExpression() : Optional.empty();
  }

  /** {@code return mmio;} or {@code return this.mmio;}: the method is a getter of that field. */
  private static Optional<String> returnedField(Optional<BlockStmt> body) {
    return singleReturn(body)
        .flatMap(
            e -> {
              if (e instanceof NameExpr n) return Optional.of(n.getNameAsString());
              if (e instanceof FieldAccessExpr f && f.getScope().isThisExpr())
                return Optional.of(f.getNameAsString());
              return Optional.empty();
            });
  }

  private static Optional<String> returnedBoolean(Optional<BlockStmt> body) {
    return singleReturn(body)
        .filter(BooleanLiteralExpr.class::isInstance)
        .map(e -> String.valueOf(((BooleanLiteralExpr) e).getValue()));
  }
}
