package dev.mrcheck.frontend.java;

import dev.mrcheck.ir.CfgNode;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.TranslationUnit;
import dev.mrcheck.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Renders IR as short text lines so tests can state expectations readably. */
final class IrText {
  private IrText() {}

  static String stmt(Stmt s) {
    if (s instanceof Stmt.Call c) {
      String call =
          c.callee()
              + "("
              + c.args().stream().map(IrText::value).collect(Collectors.joining(", "))
              + ")";
      return c.result() == null ? call : c.result() + " = " + call;
    }
    if (s instanceof Stmt.Assign a) return a.target() + " := " + value(a.value());
    if (s instanceof Stmt.Assume a) return (a.holds() ? "assume " : "assume !") + value(a.cond());
    if (s instanceof Stmt.Return r)
      return "return" + (r.value() == null ? "" : " " + value(r.value()));
    return s.toString();
  }

  static String value(Value v) {
    if (v instanceof Value.CallResult c) {
      return c.callee()
          + "("
          + c.args().stream().map(IrText::value).collect(Collectors.joining(", "))
          + ")";
    }
    return v.toString();
  }

  /** The statements in node order. */
  static List<String> statements(Function f) {
    return f.cfg().statements().stream().map(IrText::stmt).toList();
  }

  /** Only the calls, in node order. */
  static List<String> calls(Function f) {
    return f.cfg().statements().stream()
        .filter(Stmt.Call.class::isInstance)
        .map(IrText::stmt)
        .toList();
  }

  /** Every node with its successors; for debugging failing tests. */
  static String graph(Function f) {
    StringBuilder b = new StringBuilder(f.name()).append(' ').append(f.params()).append('\n');
    for (CfgNode n : f.cfg().nodes()) {
      b.append("  ")
          .append(n.id())
          .append(": ")
          .append(
              n.stmt() == null
                  ? (n == f.cfg().entry() ? "ENTRY" : n == f.cfg().exit() ? "EXIT" : "-")
                  : stmt(n.stmt()))
          .append(" -> ")
          .append(n.successors().stream().map(CfgNode::id).toList())
          .append('\n');
    }
    return b.toString();
  }

  static String unit(TranslationUnit u) {
    List<String> out = new ArrayList<>();
    u.types().forEach(t -> out.add("TYPE " + t));
    u.problems().forEach(p -> out.add("PROBLEM " + p));
    u.functions().forEach(f -> out.add(graph(f)));
    return String.join("\n", out);
  }
}
