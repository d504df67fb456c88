package dev.mrcheck.frontend.c;

import dev.mrcheck.ir.Cfg;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Param;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTParameterDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTStandardFunctionDeclarator;

/** One C function definition -> IR {@link Function}: signature, declared types, CFG. */
final class FunctionLowering {
  private final Locations locs;
  private final String file;
  private final Map<String, String> firstFields;

  FunctionLowering(Locations locs, String file, Map<String, String> firstFields) {
    this.locs = locs;
    this.file = file;
    this.firstFields = firstFields;
  }

  Function lower(IASTFunctionDefinition def) {
    IASTFunctionDeclarator declarator = def.getDeclarator();
    IASTDeclarator named = TypeNames.innermost(declarator);
    IASTName name = named.getName();

    List<Param> params = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    if (declarator instanceof IASTStandardFunctionDeclarator std) {
      for (IASTParameterDeclaration p : std.getParameters()) {
        String pname = TypeNames.declaredName(p.getDeclarator());
        if (pname.isEmpty()) continue; // (void) or an unnamed parameter
        String type = TypeNames.of(p.getDeclSpecifier());
        params.add(new Param(pname, type));
        types.putIfAbsent(pname, type);
      }
    }
    java.util.Set<String> paramNames = new java.util.HashSet<>(types.keySet());
    collectLocals(def, types);
    java.util.Set<String> locals = new java.util.HashSet<>(types.keySet());
    locals.removeAll(paramNames);

    Scope scope = new Scope(paramNames, locals);
    Cfg cfg = new CfgBuilder(scope, new Values(scope, firstFields), locs).build(def.getBody());
    boolean isStatic = def.getDeclSpecifier().getStorageClass() == IASTDeclSpecifier.sc_static;
    return new Function(name.toString(), file, isStatic, locs.of(name), params, types, cfg);
  }

  /** Every variable declared anywhere in the body, with its declared type; first one wins. */
  private static void collectLocals(IASTFunctionDefinition def, Map<String, String> types) {
    def.getBody()
        .accept(
            new ASTVisitor() {
              {
                shouldVisitDeclarations = true;
              }

              @Override
              public int visit(IASTDeclaration d) {
                if (d instanceof IASTSimpleDeclaration sd) {
                  String type = TypeNames.of(sd.getDeclSpecifier());
                  for (IASTDeclarator decl : sd.getDeclarators()) {
                    if (decl instanceof IASTFunctionDeclarator
                        && decl.getNestedDeclarator() == null) {
                      continue; // a local prototype, not a variable
                    }
                    String n = TypeNames.declaredName(decl);
                    if (!n.isEmpty()) types.putIfAbsent(n, type);
                  }
                }
                return PROCESS_CONTINUE;
              }
            });
  }
}
