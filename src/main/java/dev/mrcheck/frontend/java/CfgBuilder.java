package dev.mrcheck.frontend.java;

import com.github.javaparser.ast.stmt.BlockStmt;
import dev.mrcheck.ir.Cfg;
import dev.mrcheck.ir.CfgNode;
import dev.mrcheck.ir.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds one function's CFG by appending to a frontier (the nodes whose successor comes next) and
 * keeps the stack of jump scopes: loops, switches, labeled blocks, and try statements. Jumps out of
 * a try with a finally go through a copy of the finally block; exceptions raised by calls in a try
 * reach its catch clauses, or a copy of the finally that then rethrows outward. A throw that
 * nothing catches ends the path (no successor), as does the rethrow at the end of that copy.
 */
final class CfgBuilder {
  private final Cfg cfg = new Cfg();
  private final List<Frame> frames = new ArrayList<>();
  private List<CfgNode> frontier = new ArrayList<>(List.of(cfg.entry()));
  private Consumer<BlockStmt> finallyLowering = b -> {};

  sealed interface Frame permits Breakable, TryFrame {}

  /**
   * A loop ({@code continueTarget} set), a switch or a labeled block. {@code unlabeled} says
   * whether a plain {@code break} stops here; {@code yields} marks switch expressions.
   */
  record Breakable(
      Set<String> labels,
      CfgNode breakTarget,
      CfgNode continueTarget,
      boolean unlabeled,
      boolean yields)
      implements Frame {}

  static final class TryFrame implements Frame {
    final List<CfgNode> catchEntries;
    final BlockStmt finallyBlock;
    boolean inCatches;
    private CfgNode exceptionalFinally;

    TryFrame(List<CfgNode> catchEntries, BlockStmt finallyBlock) {
      this.catchEntries = catchEntries;
      this.finallyBlock = finallyBlock;
    }
  }

  Cfg cfg() {
    return cfg;
  }

  void lowerFinallyWith(Consumer<BlockStmt> lowering) {
    this.finallyLowering = lowering;
  }

  List<CfgNode> frontier() {
    return frontier;
  }

  void setFrontier(List<CfgNode> nodes) {
    frontier = new ArrayList<>(nodes);
  }

  CfgNode emit(Stmt stmt) {
    CfgNode n = cfg.newNode(stmt);
    link(frontier, n);
    frontier = new ArrayList<>(List.of(n));
    if (stmt instanceof Stmt.Call) link(List.of(n), handlerTargets());
    return n;
  }

  /** A join point for the current frontier; it becomes the frontier. */
  CfgNode join() {
    CfgNode n = cfg.newNode(null);
    link(frontier, n);
    frontier = new ArrayList<>(List.of(n));
    return n;
  }

  /** A node with no predecessors yet, to be linked later (loop exits, catch entries). */
  CfgNode fresh() {
    return cfg.newNode(null);
  }

  static void link(List<CfgNode> from, CfgNode to) {
    for (CfgNode f : from) f.addSuccessor(to);
  }

  private static void link(List<CfgNode> from, List<CfgNode> to) {
    for (CfgNode t : to) link(from, t);
  }

  void push(Frame f) {
    frames.add(f);
  }

  void pop() {
    frames.remove(frames.size() - 1);
  }

  /** {@code return}: through every enclosing finally to the exit. */
  void jumpToExit() {
    jump(cfg.exit(), -1);
  }

  /** {@code break [label]}; returns false when no enclosing statement matches. */
  boolean jumpBreak(String label, boolean yield) {
    for (int i = frames.size() - 1; i >= 0; i--) {
      if (frames.get(i) instanceof Breakable b
          && (yield ? b.yields() : label == null ? b.unlabeled() : b.labels().contains(label))) {
        jump(b.breakTarget(), i);
        return true;
      }
    }
    return false;
  }

  boolean jumpContinue(String label) {
    for (int i = frames.size() - 1; i >= 0; i--) {
      if (frames.get(i) instanceof Breakable b
          && b.continueTarget() != null
          && (label == null || b.labels().contains(label))) {
        jump(b.continueTarget(), i);
        return true;
      }
    }
    return false;
  }

  /** {@code throw}: to the nearest handler, or nowhere (the path ends). */
  void raise() {
    link(frontier, handlerTargets());
    frontier = new ArrayList<>();
  }

  private void jump(CfgNode target, int ownerIndex) {
    for (int i = frames.size() - 1; i > ownerIndex; i--) {
      if (frames.get(i) instanceof TryFrame t && t.finallyBlock != null) {
        outside(i, () -> finallyLowering.accept(t.finallyBlock));
      }
    }
    link(frontier, target);
    frontier = new ArrayList<>();
  }

  /**
   * Runs {@code lowering} as if the frames from {@code index} on were closed (a finally is outside
   * its own try).
   */
  private void outside(int index, Runnable lowering) {
    List<Frame> saved = new ArrayList<>(frames);
    frames.subList(index, frames.size()).clear();
    try {
      lowering.run();
    } finally {
      frames.clear();
      frames.addAll(saved);
    }
  }

  private List<CfgNode> handlerTargets() {
    for (int i = frames.size() - 1; i >= 0; i--) {
      if (!(frames.get(i) instanceof TryFrame t)) continue;
      if (!t.inCatches && !t.catchEntries.isEmpty()) return t.catchEntries;
      if (t.finallyBlock != null) return List.of(exceptionalFinally(t, i));
    }
    return List.of();
  }

  /**
   * One copy of the finally block per try for exceptional paths, shared by all throwing nodes; it
   * rethrows.
   */
  private CfgNode exceptionalFinally(TryFrame t, int index) {
    if (t.exceptionalFinally == null) {
      t.exceptionalFinally = fresh();
      List<CfgNode> saved = frontier;
      frontier = new ArrayList<>(List.of(t.exceptionalFinally));
      try {
        outside(
            index,
            () -> {
              finallyLowering.accept(t.finallyBlock);
              raise();
            });
      } finally {
        frontier = saved;
      }
    }
    return t.exceptionalFinally;
  }
}
