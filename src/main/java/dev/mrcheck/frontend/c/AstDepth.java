package dev.mrcheck.frontend.c;

import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.cdt.core.dom.ast.IASTNode;

/**
 * How deep a CDT subtree is, measured without recursion. Nesting that brackets do not show (a long
 * {@code else if} chain, a {@code ?:} chain) still makes a deep tree, and the lowering, which
 * recurses once per level and asks CDT for locations that walk up to the root, would take time
 * quadratic in the depth; deeper than {@link #MAX} the function is dropped instead.
 */
final class AstDepth {
  /**
   * Deepest function body tree the lowering takes: a 5,000-term sum or 1,000 nested {@code if}s
   * (two levels each) pass, in a few seconds at most.
   */
  static final int MAX = 12_000;

  private AstDepth() {}

  /** The depth of {@code root}'s subtree (a leaf is 1), counting no further than {@code limit + 1}. */
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
