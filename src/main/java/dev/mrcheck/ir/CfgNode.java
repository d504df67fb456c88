package dev.mrcheck.ir;

import java.util.ArrayList;
import java.util.List;

/** A node of a function's control-flow graph; {@code stmt} is null for pure join/branch points. */
public final class CfgNode {
  private final int id;
  private final Stmt stmt;
  private final List<CfgNode> successors = new ArrayList<>(2);

  public CfgNode(int id, Stmt stmt) {
    this.id = id;
    this.stmt = stmt;
  }

  public int id() {
    return id;
  }

  public Stmt stmt() {
    return stmt;
  }

  public List<CfgNode> successors() {
    return successors;
  }

  public void addSuccessor(CfgNode n) {
    if (!successors.contains(n)) successors.add(n);
  }

  @Override
  public String toString() {
    return id + ":" + stmt;
  }
}
