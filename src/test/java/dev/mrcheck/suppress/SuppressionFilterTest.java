package dev.mrcheck.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuppressionFilterTest {
  private static Finding finding(String rule, int line) {
    return new Finding(
        rule,
        Severity.ERROR,
        SourceLoc.of("hw/dev.c", line, 5),
        "msg " + rule,
        List.of(),
        "fp" + line);
  }

  private static List<Suppression> comments(String... lines) {
    return SuppressionComments.read("hw/dev.c", String.join("\n", lines) + "\n");
  }

  @Test
  void hidesCoveredFindingsAndKeepsTheRest() {
    List<Suppression> c =
        comments(
            "a();",
            "// mrcheck: ignore MR002 -- reviewed",
            "object_unparent(x);",
            "object_unparent(y);");
    SuppressionFilter.Outcome out =
        SuppressionFilter.apply(
            List.of(finding("MR002", 3), finding("MR002", 4), finding("MR004", 3)), c, Set.of());
    assertThat(out.findings())
        .extracting(f -> f.ruleId() + ":" + f.loc().line())
        .containsExactly("MR004:3", "MR002:4");
    assertThat(out.suppressions().suppressed()).hasSize(1);
    assertThat(out.suppressions().suppressed().get(0).justification()).isEqualTo("reviewed");
    assertThat(out.suppressions().unused()).isEmpty();
  }

  @Test
  void suppressionWithoutReasonStillHidesAndIsReportedAsMrs01() {
    List<Suppression> c = comments("// mrcheck: ignore MR002", "object_unparent(x);");
    SuppressionFilter.Outcome out =
        SuppressionFilter.apply(List.of(finding("MR002", 2)), c, Set.of());
    assertThat(out.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.ruleId()).isEqualTo("MRS01");
              assertThat(f.severity()).isEqualTo(Severity.NOTE);
              assertThat(f.loc().line()).isEqualTo(1);
              assertThat(f.message()).contains("gives no reason");
            });
    assertThat(out.suppressions().suppressed()).hasSize(1);
  }

  @Test
  void mrs01FollowsTheRuleSelection() {
    List<Suppression> c = comments("// mrcheck: ignore MR002");
    assertThat(SuppressionFilter.apply(List.of(), c, Set.of("MR002")).findings()).isEmpty();
    assertThat(SuppressionFilter.apply(List.of(), c, Set.of("MR002", "MRS01")).findings())
        .hasSize(1);
  }

  @Test
  void unusedSuppressionsOnlyForRulesThatRan() {
    List<Suppression> c =
        comments(
            "// mrcheck: ignore MR002 -- old", "a();", "// mrcheck: ignore MR004 -- old", "b();");
    Suppressions s = SuppressionFilter.apply(List.of(), c, Set.of()).suppressions();
    List<Finding> unused = SuppressionFilter.unused(s, Set.of("MR002"));
    assertThat(unused)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.ruleId()).isEqualTo("MRS02");
              assertThat(f.loc().line()).isEqualTo(1);
            });
  }

  @Test
  void pseudoRuleFingerprintsSurviveLineShifts() {
    Finding a =
        SuppressionFilter.apply(List.of(), comments("// mrcheck: ignore MR002"), Set.of())
            .findings()
            .get(0);
    Finding b =
        SuppressionFilter.apply(List.of(), comments("", "", "// mrcheck: ignore MR002"), Set.of())
            .findings()
            .get(0);
    assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
    assertThat(a.loc().line()).isNotEqualTo(b.loc().line());
  }
}
