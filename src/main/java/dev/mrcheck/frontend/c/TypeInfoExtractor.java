package dev.mrcheck.frontend.c;

import dev.mrcheck.ir.TypeRegistration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTInitializerList;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTTypeIdExpression;
import org.eclipse.cdt.core.dom.ast.c.ICASTDesignatedInitializer;
import org.eclipse.cdt.core.dom.ast.c.ICASTDesignator;
import org.eclipse.cdt.core.dom.ast.c.ICASTFieldDesignator;

/**
 * QOM type registrations: {@code TypeInfo} variables (single or arrays, at file scope or local)
 * initialized with designated fields.
 */
final class TypeInfoExtractor {
  private static final Set<String> HOOKS =
      Set.of("instance_init", "instance_finalize", "class_init");

  private final Locations locs;

  TypeInfoExtractor(Locations locs) {
    this.locs = locs;
  }

  void extract(IASTSimpleDeclaration decl, List<TypeRegistration> out) {
    if (!"TypeInfo".equals(TypeNames.of(decl.getDeclSpecifier()))) return;
    for (IASTDeclarator d : decl.getDeclarators()) {
      if (!(d.getInitializer() instanceof IASTEqualsInitializer eq)) continue;
      if (!(eq.getInitializerClause() instanceof IASTInitializerList list)) continue;
      if (TypeNames.isArray(d)) {
        for (IASTInitializerClause element : list.getClauses()) {
          if (element instanceof IASTInitializerList one) registration(one, one, out);
        }
      } else {
        registration(list, TypeNames.innermost(d).getName(), out);
      }
    }
  }

  private void registration(IASTInitializerList list, IASTNode where, List<TypeRegistration> out) {
    String name = null;
    String parent = null;
    String instanceStruct = null;
    Map<String, String> hooks = new LinkedHashMap<>();
    Map<String, String> properties = new LinkedHashMap<>();
    for (IASTInitializerClause clause : list.getClauses()) {
      if (!(clause instanceof ICASTDesignatedInitializer di)) continue;
      ICASTDesignator[] ds = di.getDesignators();
      if (ds.length != 1 || !(ds[0] instanceof ICASTFieldDesignator fd)) continue;
      String field = fd.getName().toString();
      IASTInitializerClause value = di.getOperand();
      String text = Texts.of(value).trim();
      switch (field) {
        case "name" -> name = text;
        case "parent" -> parent = text;
        case "instance_size" -> instanceStruct = sizeofType(value);
        default -> {
          if (HOOKS.contains(field)) {
            String fn = functionName(value);
            if (fn != null) hooks.put(field, fn);
          } else if (isSimple(value)) {
            properties.put(field, text);
          }
        }
      }
    }
    if (name == null && parent == null && hooks.isEmpty()) return;
    out.add(new TypeRegistration(name, parent, instanceStruct, hooks, properties, locs.of(where)));
  }

  private static final Pattern SIZEOF =
      Pattern.compile("^sizeof\\s*\\(\\s*(?:struct\\s+)?(\\w+)\\s*\\)$");

  /** {@code sizeof(MyState)} or {@code sizeof(struct MyState)} -> {@code MyState}. */
  private static String sizeofType(IASTInitializerClause value) {
    if (value instanceof IASTTypeIdExpression t
        && t.getOperator() == IASTTypeIdExpression.op_sizeof) {
      return TypeNames.of(t.getTypeId().getDeclSpecifier());
    }
    String text = Texts.of(value).trim();
    Matcher m = SIZEOF.matcher(text);
    return m.matches() ? m.group(1) : null;
  }

  private static String functionName(IASTInitializerClause value) {
    if (!(value instanceof IASTExpression e)) return null;
    IASTExpression x = Values.lookThrough(e);
    return x instanceof IASTIdExpression id ? id.getName().toString() : null;
  }

  /** Identifiers, literals, sizeof and small expressions; not nested initializer lists. */
  private static boolean isSimple(IASTInitializerClause value) {
    return value instanceof IASTExpression && value.getRawSignature().length() <= 120;
  }
}
