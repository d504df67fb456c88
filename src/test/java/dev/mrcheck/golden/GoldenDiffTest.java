package dev.mrcheck.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Severity;
import dev.mrcheck.scan.FileProblem;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoldenDiffTest {
  private static Finding finding(String file, int line, String rule, String message) {
    return new Finding(
        rule,
        Severity.ERROR,
        SourceLoc.of(file, line, 5),
        message,
        List.of(),
        rule + ":" + file + ":" + message);
  }

  private static Expectation expect(String file, int line, String rule, String substring) {
    return new Expectation(file, line, rule, substring, EnumSet.allOf(Semantics.class));
  }

  @Test
  void matchingLocationAndRuleIsNoDifference() {
    GoldenDiff diff =
        GoldenDiff.compare(
            List.of(expect("a.c", 10, "MR002", "")),
            List.of(finding("a.c", 10, "MR002", "s->mmio unparented while mapped")));

    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff.describe()).isEqualTo("no differences");
  }

  @Test
  void reportsEveryMissingAndEveryExtraFindingAtOnce() {
    GoldenDiff diff =
        GoldenDiff.compare(
            List.of(expect("b.c", 7, "MR001", ""), expect("a.c", 3, "MR003", "NULL")),
            List.of(finding("c.c", 9, "MR002", "one"), finding("a.c", 4, "MR003", "two")));

    assertThat(diff.missing()).extracting(Expectation::file).containsExactly("a.c", "b.c");
    assertThat(diff.extra()).extracting(f -> f.loc().file()).containsExactly("a.c", "c.c");
    assertThat(diff.describe())
        .isEqualTo(
            "missing findings (2):\n"
                + "  a.c:3: [MR003] (message containing \"NULL\")\n"
                + "  b.c:7: [MR001]\n"
                + "unexpected findings (2):\n"
                + "  a.c:4: [MR003] two\n"
                + "  c.c:9: [MR002] one\n");
  }

  @Test
  void sameLineButOtherRuleIsBothMissingAndExtra() {
    GoldenDiff diff =
        GoldenDiff.compare(
            List.of(expect("a.c", 5, "MR002", "")), List.of(finding("a.c", 5, "MR003", "m")));

    assertThat(diff.missing()).hasSize(1);
    assertThat(diff.extra()).hasSize(1);
  }

  @Test
  void substringMustOccurInTheMessage() {
    GoldenDiff diff =
        GoldenDiff.compare(
            List.of(expect("a.c", 5, "MR002", "s->win")),
            List.of(finding("a.c", 5, "MR002", "s->mmio unparented while mapped")));

    assertThat(diff.missing()).hasSize(1);
    assertThat(diff.extra()).hasSize(1);
  }

  @Test
  void aFindingReportedTwiceNeedsACountOfTwo() {
    // a helper reached from two call sites may report the same line twice
    List<Finding> twice =
        List.of(
            finding("dir/helpers.c", 12, "MR003", "via dev.c:60"),
            finding("dir/helpers.c", 12, "MR003", "via dev.c:61"));

    GoldenDiff once = GoldenDiff.compare(List.of(expect("dir/helpers.c", 12, "MR003", "")), twice);
    assertThat(once.extra()).hasSize(1);
    assertThat(once.describe()).contains("unexpected findings (1):");

    Expectation x2 =
        new Expectation("dir/helpers.c", 12, "MR003", "", EnumSet.allOf(Semantics.class), 2);
    assertThat(GoldenDiff.compare(List.of(x2), twice).isEmpty()).isTrue();
    assertThat(
            GoldenDiff.compare(
                    List.of(
                        expect("dir/helpers.c", 12, "MR003", "60"),
                        expect("dir/helpers.c", 12, "MR003", "")),
                    twice)
                .isEmpty())
        .as("two markers")
        .isTrue();
    assertThat(GoldenDiff.compare(List.of(x2), twice.subList(0, 1)).missing()).containsExactly(x2);
  }

  @Test
  void preciseExpectationsTakeTheirFindingFirst() {
    List<Finding> two =
        List.of(finding("a.c", 5, "MR002", "s->win"), finding("a.c", 5, "MR002", "s->mmio"));

    GoldenDiff diff =
        GoldenDiff.compare(
            List.of(expect("a.c", 5, "MR002", ""), expect("a.c", 5, "MR002", "s->mmio")), two);

    assertThat(diff.isEmpty()).as(diff.describe()).isTrue();
  }

  @Test
  void everyInputProblemMustBeDeclared() {
    FileProblem dropped =
        new FileProblem(SourceLoc.of("a.c", 9, 1), "syntax error, function f dropped");

    GoldenDiff undeclared = GoldenDiff.compare(List.of(), List.of(), List.of(), List.of(dropped));
    assertThat(undeclared.isEmpty()).isFalse();
    assertThat(undeclared.describe())
        .contains(
            "input problems no // PROBLEM: line declares (1):",
            "a.c:9:1: syntax error, function f dropped");

    ProblemExpectation declared = new ProblemExpectation("a.c", 9, "syntax error");
    assertThat(
            GoldenDiff.compare(List.of(), List.of(), List.of(declared), List.of(dropped)).isEmpty())
        .isTrue();
    assertThat(
            GoldenDiff.compare(List.of(), List.of(), List.of(declared), List.of())
                .missingProblems())
        .containsExactly(declared);
    assertThat(
            GoldenDiff.compare(
                    List.of(),
                    List.of(),
                    List.of(new ProblemExpectation("a.c", 9, "other")),
                    List.of(dropped))
                .extraProblems())
        .containsExactly(dropped);
  }

  @Test
  void filesAreComparedAsRootRelativePaths() {
    GoldenDiff diff =
        GoldenDiff.compare(
            List.of(expect("dir/helpers.c", 12, "MR003", "")),
            List.of(finding("testdata/c/dir/helpers.c", 12, "MR003", "m")));

    assertThat(diff.missing()).hasSize(1);
    assertThat(diff.extra()).hasSize(1);
  }

  @Test
  void noExpectationsAndNoFindingsIsEmpty() {
    assertThat(GoldenDiff.compare(List.of(), List.of()).isEmpty()).isTrue();
  }
}
