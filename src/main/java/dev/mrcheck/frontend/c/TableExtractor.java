package dev.mrcheck.frontend.c;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.TableEntry;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTInitializerList;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.c.ICASTArrayDesignator;
import org.eclipse.cdt.core.dom.ast.c.ICASTDesignatedInitializer;
import org.eclipse.cdt.core.dom.ast.c.ICASTDesignator;
import org.eclipse.cdt.core.dom.ast.c.ICASTFieldDesignator;

/**
 * Names stored by brace initializers of struct variables and arrays of structs ({@code static const
 * MemoryRegionOps ops = { .read = f }}, {@code groups[] = { { .size_init = g }, ... }}), designated
 * or positional, nested: the ops tables QEMU calls through. Which names are functions is the
 * analysis's business.
 */
final class TableExtractor {
  private final Locations locs;

  TableExtractor(Locations locs) {
    this.locs = locs;
  }

  void extract(IASTSimpleDeclaration decl, List<TableEntry> out) {
    String type = TypeNames.of(decl.getDeclSpecifier());
    if (type == null || type.isEmpty() || type.equals("TypeInfo")) return;
    for (IASTDeclarator d : decl.getDeclarators()) {
      if (TypeNames.isPointer(d)) continue;
      if (!(d.getInitializer() instanceof IASTEqualsInitializer eq)) continue;
      if (!(eq.getInitializerClause() instanceof IASTInitializerList list)) continue;
      String variable = TypeNames.declaredName(d);
      List<String> steps = new ArrayList<>();
      if (TypeNames.isArray(d)) {
        steps.add(AccessPath.ANY_INDEX);
        for (IASTInitializerClause element : list.getClauses())
          if (element instanceof IASTInitializerList one) members(variable, type, one, steps, out);
      } else {
        members(variable, type, list, steps, out);
      }
    }
  }

  private void members(
      String variable,
      String type,
      IASTInitializerList list,
      List<String> prefix,
      List<TableEntry> out) {
    int position = 0;
    for (IASTInitializerClause clause : list.getClauses()) {
      List<String> steps = new ArrayList<>(prefix);
      IASTInitializerClause value = clause;
      if (clause instanceof ICASTDesignatedInitializer di) {
        for (ICASTDesignator ds : di.getDesignators()) {
          if (ds instanceof ICASTFieldDesignator fd) steps.add(fd.getName().toString());
          else if (ds instanceof ICASTArrayDesignator) steps.add(AccessPath.ANY_INDEX);
          else return;
        }
        value = di.getOperand();
      } else {
        steps.add(TableEntry.POSITION + position);
      }
      position++;
      if (value instanceof IASTInitializerList nested) {
        members(variable, type, nested, steps, out);
      } else if (value instanceof IASTExpression e
          && Values.lookThrough(e) instanceof IASTIdExpression id) {
        out.add(new TableEntry(variable, type, steps, id.getName().toString(), locs.of(clause)));
      }
    }
  }
}
