package dev.mrcheck.frontend.c;

import org.eclipse.cdt.core.dom.ast.ASTGenericVisitor;
import org.eclipse.cdt.core.dom.ast.IASTNode;

/**
 * How deep a CDT subtree is, to drop a function deeper than {@link
 * dev.mrcheck.frontend.InputScreen#MAX_TREE_DEPTH} before the lowering spends quadratic time on it.
 *
 * <p>One visit of the subtree with a depth counter: CDT's {@code getChildren()} collects each
 * node's children with a visitor and an array of its own, and walking a function that way cost more
 * than its lowering. The visit recurses as deep as the tree, as the file's declaration walk before
 * it already did ({@code CFrontend.Walk}), and the generic visitor meets the nodes {@code
 * getChildren()} returns.
 */
final class AstDepth extends ASTGenericVisitor {
  private final int limit;
  private int depth;
  private int max;

  private AstDepth(int limit) {
    super(true);
    this.limit = limit;
  }

  /**
   * The depth of {@code root}'s subtree (a leaf is 1), counting no further than {@code limit + 1}.
   */
  static int of(IASTNode root, int limit) {
    AstDepth d = new AstDepth(limit);
    root.accept(d);
    return d.max;
  }

  @Override
  protected int genericVisit(IASTNode node) {
    depth++;
    if (depth > max) max = depth;
    return max > limit ? PROCESS_ABORT : PROCESS_CONTINUE;
  }

  @Override
  protected int genericLeave(IASTNode node) {
    depth--;
    return PROCESS_CONTINUE;
  }
}
