package dev.mrcheck.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Control-flow graph of one function. Every return reaches {@link #exit()}. */
public final class Cfg {
  private final List<CfgNode> nodes = new ArrayList<>();
  private final CfgNode entry;
  private final CfgNode exit;

  /**
   * {@link #statements()}, kept: the call graph, the run-time dispatch and the lifecycle pre-scans
   * each ask for every function's statements, once per relevance round and once more per device.
   * Reset by {@link #newNode}; the graph is complete before anyone reads it concurrently.
   */
  private volatile List<Stmt> statements;

  public Cfg() {
    entry = newNode(null);
    exit = newNode(null);
  }

  public CfgNode newNode(Stmt stmt) {
    CfgNode n = new CfgNode(nodes.size(), stmt);
    nodes.add(n);
    statements = null;
    return n;
  }

  public CfgNode entry() {
    return entry;
  }

  public CfgNode exit() {
    return exit;
  }

  public List<CfgNode> nodes() {
    return Collections.unmodifiableList(nodes);
  }

  /** The statements of the graph in node order; for call-graph building and pre-scans. */
  public List<Stmt> statements() {
    List<Stmt> out = statements;
    if (out == null) {
      List<Stmt> all = new ArrayList<>();
      for (CfgNode n : nodes) if (n.stmt() != null) all.add(n.stmt());
      out = Collections.unmodifiableList(all);
      statements = out;
    }
    return out;
  }
}
