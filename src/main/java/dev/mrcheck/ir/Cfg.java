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

  /**
   * {@link #calls()} and {@link #assignments()}, kept as {@link #statements} is: the call graph is
   * built once per relevance round over every parsed function and wants only these.
   */
  private volatile List<Stmt.Call> calls;

  private volatile List<Stmt.Assign> assignments;

  public Cfg() {
    entry = newNode(null);
    exit = newNode(null);
  }

  public CfgNode newNode(Stmt stmt) {
    CfgNode n = new CfgNode(nodes.size(), stmt);
    nodes.add(n);
    statements = null;
    calls = null;
    assignments = null;
    return n;
  }

  public CfgNode entry() {
    return entry;
  }

  public CfgNode exit() {
    return exit;
  }

  /** The node numbered {@code id} (nodes are numbered in creation order), or null. */
  public CfgNode node(int id) {
    return id >= 0 && id < nodes.size() && nodes.get(id).id() == id ? nodes.get(id) : null;
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

  /** The calls among {@link #statements()}, in node order. */
  public List<Stmt.Call> calls() {
    List<Stmt.Call> out = calls;
    if (out == null) {
      List<Stmt.Call> all = new ArrayList<>();
      for (Stmt s : statements()) if (s instanceof Stmt.Call c) all.add(c);
      out = Collections.unmodifiableList(all);
      calls = out;
    }
    return out;
  }

  /** The assignments among {@link #statements()}, in node order. */
  public List<Stmt.Assign> assignments() {
    List<Stmt.Assign> out = assignments;
    if (out == null) {
      List<Stmt.Assign> all = new ArrayList<>();
      for (Stmt s : statements()) if (s instanceof Stmt.Assign a) all.add(a);
      out = Collections.unmodifiableList(all);
      assignments = out;
    }
    return out;
  }
}
