package dev.mrcheck.frontend.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.frontend.SourceFile;
import dev.mrcheck.ir.CfgNode;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.TranslationUnit;
import dev.mrcheck.ir.TypeRegistration;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Test helper: one lowered file and questions about it. */
final class Lowered {
  final TranslationUnit unit;

  private Lowered(TranslationUnit unit) {
    this.unit = unit;
  }

  static Lowered java(String code) {
    return with(new JavaFrontend(), code);
  }

  static Lowered with(JavaFrontend frontend, String code) {
    return new Lowered(frontend.parse(new SourceFile(Path.of("/x/T.java"), "T.java", code)));
  }

  Function function(String name) {
    return unit.functions().stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no function "
                        + name
                        + " in "
                        + unit.functions().stream().map(Function::name).toList()));
  }

  List<String> functionNames() {
    return unit.functions().stream().map(Function::name).toList();
  }

  TypeRegistration type(String name) {
    return unit.types().stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no type " + name + " in " + unit.types()));
  }

  List<String> calls(String function) {
    return IrText.calls(function(function));
  }

  List<String> statements(String function) {
    return IrText.statements(function(function));
  }

  /** The node whose statement renders as {@code text}; exactly one must. */
  static CfgNode node(Function f, String text) {
    List<CfgNode> hits =
        f.cfg().nodes().stream()
            .filter(n -> n.stmt() != null && IrText.stmt(n.stmt()).equals(text))
            .toList();
    assertThat(hits).as("nodes '%s' in\n%s", text, IrText.graph(f)).hasSize(1);
    return hits.get(0);
  }

  /**
   * Whether {@code to} can be reached from {@code from} without passing through {@code avoiding}
   * (may be null).
   */
  static boolean reaches(CfgNode from, CfgNode to, CfgNode avoiding) {
    Deque<CfgNode> work = new ArrayDeque<>(from.successors());
    Set<CfgNode> seen = new HashSet<>();
    while (!work.isEmpty()) {
      CfgNode n = work.pop();
      if (n == to) return true;
      if (n == avoiding || !seen.add(n)) continue;
      work.addAll(n.successors());
    }
    return false;
  }

  static boolean reaches(Function f, String from, String to) {
    return reaches(node(f, from), node(f, to), null);
  }

  static boolean reachesExit(Function f, String from) {
    return reaches(node(f, from), f.cfg().exit(), null);
  }
}
