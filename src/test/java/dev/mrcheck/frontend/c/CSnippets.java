package dev.mrcheck.frontend.c;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.frontend.SourceFile;
import dev.mrcheck.ir.CfgNode;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.TranslationUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Test helpers: parse a C snippet, find a function, render its statements and paths. */
final class CSnippets {
  private static final CFrontend FRONTEND = new CFrontend(FrontendOptions.NONE);

  private CSnippets() {}

  static TranslationUnit parse(String code) {
    return FRONTEND.parse(new SourceFile(Path.of("/nonexistent/hw/dev.c"), "hw/dev.c", code));
  }

  static Function fn(TranslationUnit tu, String name) {
    return tu.functions().stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no function " + name + " in " + names(tu)));
  }

  static List<String> names(TranslationUnit tu) {
    return tu.functions().stream().map(Function::name).toList();
  }

  static String render(Stmt s) {
    if (s instanceof Stmt.Call c) {
      return "call "
          + c.callee()
          + render(c.args())
          + (c.result() == null ? "" : " -> " + c.result());
    }
    if (s instanceof Stmt.Assign a) return a.target() + " = " + a.value();
    if (s instanceof Stmt.Assume a) return "assume " + (a.holds() ? "" : "!") + a.cond();
    if (s instanceof Stmt.Return r) return "return" + (r.value() == null ? "" : " " + r.value());
    return String.valueOf(s);
  }

  private static String render(List<dev.mrcheck.ir.Value> args) {
    List<String> out = new ArrayList<>();
    for (dev.mrcheck.ir.Value v : args)
      out.add(
          v instanceof dev.mrcheck.ir.Value.CallResult c
              ? c.callee() + render(c.args())
              : String.valueOf(v));
    return "(" + String.join(", ", out) + ")";
  }

  /** All statements of a function, in node order. */
  static List<String> stmts(Function f) {
    return f.cfg().statements().stream().map(CSnippets::render).toList();
  }

  /** Every entry-to-exit path (each node at most twice), as rendered statements. */
  static Set<List<String>> paths(Function f) {
    Set<List<String>> out = new HashSet<>();
    walk(f.cfg().entry(), f.cfg().exit(), new ArrayList<>(), new ArrayList<>(), out);
    return out;
  }

  private static void walk(
      CfgNode n, CfgNode exit, List<CfgNode> seen, List<String> path, Set<List<String>> out) {
    if (seen.stream().filter(x -> x == n).count() >= 2) return;
    seen.add(n);
    if (n.stmt() != null) path.add(render(n.stmt()));
    if (n == exit) out.add(List.copyOf(path));
    for (CfgNode s : n.successors()) walk(s, exit, seen, path, out);
    if (n.stmt() != null) path.remove(path.size() - 1);
    seen.remove(seen.size() - 1);
  }

  static void assertNoProblems(TranslationUnit tu) {
    assertThat(tu.problems()).isEmpty();
  }
}
