package dev.mrcheck.frontend.java;

import static dev.mrcheck.frontend.java.Lowered.node;
import static dev.mrcheck.frontend.java.Lowered.reaches;
import static dev.mrcheck.frontend.java.Lowered.reachesExit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.CfgNode;
import dev.mrcheck.ir.Function;
import org.junit.jupiter.api.Test;

class JavaCfgTest {

  private static Function body(String statements) {
    return Lowered.java(
            "class T { MemoryRegion a, b, c; boolean ok, more; int n;\n void f() {\n"
                + statements
                + "\n} }")
        .function("T.f");
  }

  @Test
  void ifElseBranchesThroughAssumesAndNegationFlipsThem() {
    Function f =
        body(
            """
        if (!a.isMapped()) { a.ref(); } else { a.unref(); }
        b.ref();
        """);
    assertThat(IrText.statements(f))
        .containsExactlyInAnyOrder(
            "MemoryRegion.isMapped(this->a)",
            "assume !MemoryRegion.isMapped(this->a)",
            "MemoryRegion.ref(this->a)",
            "assume MemoryRegion.isMapped(this->a)",
            "MemoryRegion.unref(this->a)",
            "MemoryRegion.ref(this->b)");
    assertThat(reaches(f, "assume !MemoryRegion.isMapped(this->a)", "MemoryRegion.ref(this->a)"))
        .isTrue();
    assertThat(reaches(f, "assume !MemoryRegion.isMapped(this->a)", "MemoryRegion.unref(this->a)"))
        .isFalse();
    assertThat(reaches(f, "MemoryRegion.unref(this->a)", "MemoryRegion.ref(this->b)")).isTrue();
  }

  @Test
  void shortCircuitConditionsEvaluateTheRightSideOnlyWhenNeeded() {
    Function f =
        body(
            """
        if (ok && b.isMapped()) { a.ref(); }
        if (c == null || more) { a.unref(); }
        """);
    CfgNode leftFalse = node(f, "assume !this->ok");
    assertThat(reaches(leftFalse, node(f, "MemoryRegion.isMapped(this->b)"), null)).isFalse();
    assertThat(reaches(leftFalse, node(f, "MemoryRegion.ref(this->a)"), null)).isFalse();
    assertThat(reaches(f, "assume MemoryRegion.isMapped(this->b)", "MemoryRegion.ref(this->a)"))
        .isTrue();
    // c == null is C's !c: the true branch of the null test skips the second operand.
    assertThat(reaches(node(f, "assume !this->c"), node(f, "assume this->more"), null)).isFalse();
    assertThat(reaches(f, "assume !this->c", "MemoryRegion.unref(this->a)")).isTrue();
  }

  @Test
  void loopsHaveBackEdgesAndLabeledBreaksLeaveTheOuterLoop() {
    Function f =
        body(
            """
        outer:
        for (int i = 0; i < n; i++) {
          while (more) {
            if (ok) break outer;
            if (n > 3) continue outer;
            a.ref();
          }
          b.ref();
        }
        c.ref();
        """);
    assertThat(reaches(f, "MemoryRegion.ref(this->a)", "assume this->more")).isTrue();
    assertThat(reaches(f, "MemoryRegion.ref(this->b)", "assume i < n")).isTrue();
    CfgNode breakBranch = node(f, "assume this->ok");
    assertThat(
            reaches(
                breakBranch,
                node(f, "MemoryRegion.ref(this->c)"),
                node(f, "MemoryRegion.ref(this->b)")))
        .isTrue();
    CfgNode continueBranch = node(f, "assume n > 3");
    assertThat(
            reaches(continueBranch, node(f, "assume i < n"), node(f, "MemoryRegion.ref(this->b)")))
        .isTrue();
  }

  @Test
  void doWhileAndForEachBindTheElementToTheSummarizedArrayPath() {
    Function f =
        Lowered.java(
                """
        class T { MemoryRegion[] bars; boolean more;
          void f() {
            do { more = false; } while (more);
            for (MemoryRegion bar : bars) { bar.unparent(); }
          }
        }
        """)
            .function("T.f");
    assertThat(IrText.statements(f)).contains("bar := this->bars[*]", "MemoryRegion.unparent(bar)");
    assertThat(reaches(f, "assume this->more", "this->more := false")).isTrue();
    assertThat(reaches(f, "MemoryRegion.unparent(bar)", "bar := this->bars[*]")).isTrue();
    assertThat(reachesExit(f, "assume !this->more")).isTrue();
  }

  @Test
  void switchFallsThroughGroupsButNotArrowEntries() {
    Function f =
        body(
            """
        switch (n) {
          case 1: a.ref();
          case 2: b.ref(); break;
          default: c.ref();
        }
        switch (n) {
          case 1 -> a.unref();
          case 2 -> b.unref();
        }
        """);
    assertThat(reaches(f, "MemoryRegion.ref(this->a)", "MemoryRegion.ref(this->b)")).isTrue();
    assertThat(
            reaches(
                node(f, "MemoryRegion.ref(this->b)"), node(f, "MemoryRegion.ref(this->c)"), null))
        .isFalse();
    assertThat(
            reaches(
                node(f, "MemoryRegion.unref(this->a)"),
                node(f, "MemoryRegion.unref(this->b)"),
                null))
        .isFalse();
    // No default in the second switch: it can be skipped entirely.
    assertThat(
            reaches(
                node(f, "MemoryRegion.ref(this->c)"),
                f.cfg().exit(),
                node(f, "MemoryRegion.unref(this->a)")))
        .isTrue();
  }

  @Test
  void returnReachesTheExitAndThrowEndsThePath() {
    Function f =
        body(
            """
        if (ok) { a.ref(); return; }
        if (more) { throw new IllegalStateException(); }
        b.ref();
        """);
    assertThat(
            reaches(
                node(f, "MemoryRegion.ref(this->a)"), node(f, "MemoryRegion.ref(this->b)"), null))
        .isFalse();
    assertThat(reachesExit(f, "MemoryRegion.ref(this->a)")).isTrue();
    CfgNode thrown = node(f, "IllegalStateException.<init>(new IllegalStateException)");
    assertThat(thrown.successors()).isEmpty();
  }

  @Test
  void callsInATryReachTheCatchAndFinallyRunsOnEveryPath() {
    Function f =
        body(
            """
        try {
          a.ref();
          if (ok) return;
          b.ref();
        } catch (RuntimeException e) {
          c.ref();
        } finally {
          a.unref();
        }
        b.unref();
        """);
    assertThat(reaches(f, "MemoryRegion.ref(this->a)", "MemoryRegion.ref(this->c)")).isTrue();
    assertThat(reaches(f, "MemoryRegion.ref(this->b)", "MemoryRegion.ref(this->c)")).isTrue();
    // Two copies of the finally on normal paths (the return's and the fall-through's), one for
    // exceptions.
    long finallyCopies =
        f.cfg().nodes().stream()
            .filter(
                n ->
                    n.stmt() != null && IrText.stmt(n.stmt()).equals("MemoryRegion.unref(this->a)"))
            .count();
    assertThat(finallyCopies).isEqualTo(3);
    // The return goes through its finally copy to the exit without passing b.unref().
    CfgNode ret = node(f, "return");
    assertThat(ret.successors()).hasSize(1);
    assertThat(IrText.stmt(ret.successors().get(0).stmt()))
        .isEqualTo("MemoryRegion.unref(this->a)");
    assertThat(reaches(f, "MemoryRegion.ref(this->c)", "MemoryRegion.unref(this->b)")).isTrue();
  }

  @Test
  void exceptionsThroughATryWithoutCatchRunTheFinallyThenLeave() {
    Function f =
        body(
            """
        try {
          a.ref();
          b.ref();
        } finally {
          c.unparent();
        }
        """);
    java.util.List<CfgNode> copies =
        f.cfg().nodes().stream()
            .filter(
                n ->
                    n.stmt() != null
                        && IrText.stmt(n.stmt()).equals("MemoryRegion.unparent(this->c)"))
            .toList();
    assertThat(copies).hasSize(2);
    CfgNode exceptional =
        copies.stream().filter(n -> n.successors().isEmpty()).findFirst().orElseThrow();
    CfgNode normal =
        copies.stream().filter(n -> !n.successors().isEmpty()).findFirst().orElseThrow();
    assertThat(
            reaches(
                node(f, "MemoryRegion.ref(this->a)"),
                exceptional,
                node(f, "MemoryRegion.ref(this->b)")))
        .isTrue();
    assertThat(reaches(node(f, "MemoryRegion.ref(this->b)"), exceptional, null)).isTrue();
    assertThat(reaches(normal, f.cfg().exit(), null)).isTrue();
  }

  @Test
  void labeledBlockBreakIsTheGotoFailOfJava() {
    Function f =
        body(
            """
        fail: {
          a.ref();
          if (!ok) break fail;
          return;
        }
        a.unref();
        """);
    assertThat(reaches(f, "assume !this->ok", "MemoryRegion.unref(this->a)")).isTrue();
    assertThat(reaches(node(f, "assume this->ok"), node(f, "MemoryRegion.unref(this->a)"), null))
        .isFalse();
  }

  @Test
  void ternariesAndSwitchExpressionsKeepTheirCallsOnTheirBranches() {
    Function f =
        body(
            """
        MemoryRegion r = ok ? a.alias() : b.alias();
        int k = switch (n) { case 1 -> { c.ref(); yield 1; } default -> 2; };
        """);
    assertThat(
            reaches(
                node(f, "MemoryRegion.alias(this->a)"),
                node(f, "MemoryRegion.alias(this->b)"),
                null))
        .isFalse();
    assertThat(reaches(f, "MemoryRegion.alias(this->a)", "r := ok ? a.alias() : b.alias()"))
        .isTrue();
    assertThat(
            reaches(
                f,
                "MemoryRegion.ref(this->c)",
                "k := switch (n) { case 1 -> { c.ref(); yield 1; } default -> 2; }"))
        .isTrue();
  }
}
