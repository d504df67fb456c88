package dev.mrcheck.frontend.c;

import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.cdt.core.dom.ast.IASTNode;

/**
 * How deep a CDT subtree is, measured without recursion, to drop a function deeper than {@link
 * dev.mrcheck.frontend.InputScreen#MAX_TREE_DEPTH} before the lowering spends quadratic time on it.
 */
final class AstDepth {
  private AstDepth() {}

  /**
   * The depth of {@code root}'s subtree (a leaf is 1), counting no further than {@code limit + 1}.
   */
  static int of(IASTNode root, int limit) {
    record Entry(IASTNode node, int depth) {}
    Deque<Entry> todo = new ArrayDeque<>();
    todo.push(new Entry(root, 1));
    int max = 0;
    while (!todo.isEmpty()) {
      Entry e = todo.pop();
      max = Math.max(max, e.depth());
      if (max > limit) return max;
      for (IASTNode child : e.node().getChildren()) todo.push(new Entry(child, e.depth() + 1));
    }
    return max;
  }
}
