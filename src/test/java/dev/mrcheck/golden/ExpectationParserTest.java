package dev.mrcheck.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrcheck.model.Semantics;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpectationParserTest {
  private static FileExpectations parse(String... lines) {
    return ExpectationParser.parse("dir/dev.c", String.join("\n", lines) + "\n");
  }

  @Test
  void plainBugAppliesToEverySemanticsOnTheNextLine() {
    FileExpectations f =
        parse(
            "static void f(S *s)",
            "{",
            "    // BUG: MR002",
            "    object_unparent(OBJECT(&s->mmio));",
            "}");

    assertThat(f.bugs())
        .containsExactly(
            new Expectation("dir/dev.c", 4, "MR002", "", EnumSet.allOf(Semantics.class)));
  }

  @Test
  void messageSubstringIsTheRestOfTheLineTrimmed() {
    FileExpectations f = parse("// BUG: MR001   s->mmio owner  ", "memory_region_ref(&s->mmio);");

    assertThat(f.bugs().get(0).messageSubstring()).isEqualTo("s->mmio owner");
  }

  @Test
  void semanticsListRestrictsTheExpectation() {
    FileExpectations f =
        parse(
            "// BUG(legacy): MR001",
            "add(c, 0, r);",
            "// BUG(current, refcount): MR001 cycle",
            "ref(r);");

    assertThat(f.bugs().get(0).semantics()).containsExactly(Semantics.LEGACY);
    assertThat(f.bugs().get(0).line()).isEqualTo(2);
    assertThat(f.bugs().get(1).semantics())
        .containsExactlyInAnyOrder(Semantics.CURRENT, Semantics.REFCOUNT);
    assertThat(f.bugs().get(1).appliesTo(Semantics.LEGACY)).isFalse();
  }

  @Test
  void stackedBugLinesAllTargetTheFirstCodeLineBelow() {
    FileExpectations f =
        parse("    // BUG: MR002", "    // BUG: MR003", "    object_unparent(OBJECT(r));");

    assertThat(f.bugs()).extracting(Expectation::line).containsExactly(3, 3);
    assertThat(f.bugs()).extracting(Expectation::ruleId).containsExactly("MR002", "MR003");
  }

  @Test
  void okLinesMarkNegativeRules() {
    FileExpectations f =
        parse(
            "// OK: MR002 bridge windows are deleted before unparent",
            "// OK: MR001, MR003 both fine here",
            "/* code */");

    assertThat(f.okRules()).containsExactlyInAnyOrder("MR001", "MR002", "MR003");
    assertThat(f.isNegativeFor("MR002")).isTrue();
    assertThat(f.isPositiveFor("MR002")).isFalse();
  }

  @Test
  void windowsLineEndingsCountLinesTheSameWay() {
    FileExpectations f = ExpectationParser.parse("a.c", "x\r\n// BUG: MR003\r\ng_free(r);\r\n");

    assertThat(f.bugs().get(0).line()).isEqualTo(3);
  }

  @Test
  void ordinaryCommentsAreNotExpectations() {
    FileExpectations f =
        parse(
            "// BUGS are fixed elsewhere? no: BUGGY is not BUG",
            "/* Bug fix for OK-ness */ x();",
            "// debug: MR001 okay: problem solved",
            " * ok, the window goes first",
            "y; // see the OK path");

    assertThat(f.bugs()).isEmpty();
    assertThat(f.okRules()).isEmpty();
    assertThat(f.problems()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "// BUGS: MR001", "/* BUG: MR001 */", "x; // BUG: MR001", "// bug: MR001",
            "// Bug(current): MR001",
        "x(); /* OK: MR001 */", "// ok: MR002 fine", "// OKS: MR002", " * BUG: MR001",
            "// PROBLEMS: parse error",
        "// problem: parse error", "y; // PROBLEM: parse error", "// BUG MR001 no colon"
      })
  void anythingThatLooksLikeAMarkerButIsNotOneIsAnError(String marker) {
    // on a line with no finding: the marker would otherwise be an ordinary comment, the case
    // vacuous
    assertThatThrownBy(() -> parse("static void f(void)", "{", marker, "    g();", "}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("dir/dev.c:3: ");
  }

  @Test
  void ruleIdsMustBeRulesThatExist() {
    assertThatThrownBy(() -> parse("// OK: MR099 no such rule", "x;"))
        .hasMessageStartingWith("dir/dev.c:1: no rule MR099");
    assertThatThrownBy(() -> parse("// OK: MR002 unlike MR999", "x;"))
        .hasMessageStartingWith("dir/dev.c:1: no rule MR999");
    assertThatThrownBy(() -> parse("x;", "// BUG(legacy): MR000", "y;"))
        .hasMessageStartingWith("dir/dev.c:2: no rule MR000");
  }

  @Test
  void countSaysHowManyFindingsTheLineHas() {
    FileExpectations f =
        parse("// BUG: MR004 x2 s->window", "helper(s);", "// BUG: MR003", "g_free(r);");

    assertThat(f.bugs()).extracting(Expectation::count).containsExactly(2, 1);
    assertThat(f.bugs().get(0).messageSubstring()).isEqualTo("s->window");
    assertThatThrownBy(() -> parse("// BUG: MR004 x0", "helper(s);"))
        .hasMessageContaining("at least one");
  }

  @Test
  void problemLinesDeclareInputProblemsOnTheLineBelow() {
    FileExpectations f =
        parse("// OK: MR002 dropped", "// PROBLEM: syntax error", "// BUG: MR003", "void f( {");

    assertThat(f.problems())
        .containsExactly(new ProblemExpectation("dir/dev.c", 4, "syntax error"));
    assertThat(f.bugs()).extracting(Expectation::line).containsExactly(4);
    assertThatThrownBy(() -> parse("// PROBLEM:", "x;"))
        .hasMessageStartingWith("dir/dev.c:1: malformed");
    assertThatThrownBy(() -> parse("// PROBLEM: x", "")).hasMessageContaining("blank line");
  }

  @Test
  void malformedBugLineIsAnErrorWithItsLocation() {
    assertThatThrownBy(() -> parse("x;", "// BUG: mr2 lower case", "y;"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("dir/dev.c:2: malformed expectation");
    assertThatThrownBy(() -> parse("// BUG MR002 without colon", "y;"))
        .hasMessageStartingWith("dir/dev.c:1: malformed expectation");
  }

  @Test
  void unknownSemanticsIsAnError() {
    assertThatThrownBy(() -> parse("// BUG(modern): MR001", "y;"))
        .hasMessageContaining("dir/dev.c:1: unknown semantics 'modern'");
  }

  @Test
  void bugMustSitDirectlyAboveTheFlaggedLine() {
    assertThatThrownBy(() -> parse("// BUG: MR001", "", "ref(r);"))
        .hasMessageContaining("dir/dev.c:1:")
        .hasMessageContaining("blank line");
    assertThatThrownBy(() -> ExpectationParser.parse("a.c", "x;\n// BUG: MR001"))
        .hasMessageContaining("a.c:2:")
        .hasMessageContaining("end of the file");
  }

  @Test
  void okLineWithoutRuleIdIsAnError() {
    assertThatThrownBy(() -> parse("// OK: nothing to see"))
        .hasMessageContaining("dir/dev.c:1: OK comment names no rule");
  }
}
