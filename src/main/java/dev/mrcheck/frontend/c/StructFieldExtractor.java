package dev.mrcheck.frontend.c;

import dev.mrcheck.ir.StructField;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTCompositeTypeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;

/**
 * Struct and union members. Anonymous members ({@code union { MemoryRegion a; MemoryRegion b; };})
 * are flattened into the enclosing struct, as C lets code name them directly; an unnamed struct
 * used as a member's type ({@code struct { MemoryRegion mr; } bars[6];}) is named {@code
 * Outer.bars}.
 */
final class StructFieldExtractor {
  private StructFieldExtractor() {}

  /** A declaration whose specifier defines a struct: {@code struct X {..};} or a typedef of one. */
  static void extract(IASTSimpleDeclaration decl, List<StructField> out) {
    if (!(decl.getDeclSpecifier() instanceof IASTCompositeTypeSpecifier c)) return;
    String name = c.getName().toString();
    if (name.isEmpty()) {
      IASTDeclarator[] ds = decl.getDeclarators();
      if (ds.length == 0) return;
      name = TypeNames.declaredName(ds[0]); // typedef struct { .. } Name;
    }
    if (!name.isEmpty()) members(name, c, out);
  }

  private static void members(String struct, IASTCompositeTypeSpecifier c, List<StructField> out) {
    for (IASTDeclaration m : c.getMembers()) {
      if (!(m instanceof IASTSimpleDeclaration sd)) continue;
      IASTDeclSpecifier spec = sd.getDeclSpecifier();
      IASTDeclarator[] ds = sd.getDeclarators();
      if (spec instanceof IASTCompositeTypeSpecifier inner
          && inner.getName().toString().isEmpty()) {
        if (ds.length == 0) {
          members(struct, inner, out);
          continue;
        }
        String innerName = struct + "." + TypeNames.declaredName(ds[0]);
        members(innerName, inner, out);
        for (IASTDeclarator d : ds) add(struct, innerName, d, out);
        continue;
      }
      if (spec instanceof IASTCompositeTypeSpecifier inner)
        members(inner.getName().toString(), inner, out);
      String type = TypeNames.of(spec);
      for (IASTDeclarator d : ds) add(struct, type, d, out);
    }
  }

  private static void add(String struct, String type, IASTDeclarator d, List<StructField> out) {
    String n = TypeNames.declaredName(d);
    if (!n.isEmpty())
      out.add(new StructField(struct, n, type, TypeNames.isPointer(d), TypeNames.isArray(d)));
  }
}
