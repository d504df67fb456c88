package dev.mrcheck.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionCommentsTest {
  private static List<Suppression> read(String... lines) {
    return SuppressionComments.read("hw/dev.c", String.join("\n", lines) + "\n");
  }

  @Test
  void blockCommentOnTheLineAboveCoversItAndTheNextLine() {
    List<Suppression> s =
        read(
            "static void unrealize(DeviceState *d) {",
            "    /* mrcheck: ignore MR002 -- the bus outlives the device */",
            "    object_unparent(OBJECT(&s->mmio));",
            "}");
    assertThat(s).hasSize(1);
    Suppression only = s.get(0);
    assertThat(only.rules()).containsExactly("MR002");
    assertThat(only.reason()).isEqualTo("the bus outlives the device");
    assertThat(only.loc().line()).isEqualTo(2);
    assertThat(only.loc().column()).isEqualTo(5);
    assertThat(only.covers("hw/dev.c", 3, "MR002")).isTrue();
    assertThat(only.covers("hw/dev.c", 4, "MR002")).isFalse();
    assertThat(only.covers("hw/dev.c", 3, "MR004")).isFalse();
    assertThat(only.covers("hw/other.c", 3, "MR002")).isFalse();
  }

  @Test
  void lineCommentWithSeveralIdsInBrackets() {
    Suppression s = read("    // mrcheck: ignore[MR002, mr004] -- reviewed in #12").get(0);
    assertThat(s.rules()).containsExactlyInAnyOrder("MR002", "MR004");
    assertThat(s.reason()).isEqualTo("reviewed in #12");
  }

  @Test
  void trailingCommentCoversOnlyItsOwnLine() {
    List<Suppression> s =
        read(
            "    object_unparent(OBJECT(&s->mmio)); /* mrcheck: ignore MR002 -- ok */",
            "    object_unparent(OBJECT(&s->io));");
    assertThat(s.get(0).covers("hw/dev.c", 1, "MR002")).isTrue();
    assertThat(s.get(0).covers("hw/dev.c", 2, "MR002")).isFalse();
  }

  @Test
  void stackedCommentsAllReachTheCodeBelowThem() {
    List<Suppression> s =
        read(
            "    /* mrcheck: ignore MR002 -- one */",
            "    // mrcheck: ignore MR004 -- two",
            "",
            "    object_unparent(OBJECT(&s->mmio));");
    assertThat(s).hasSize(2);
    assertThat(s.get(0).covers("hw/dev.c", 4, "MR002")).isTrue();
    assertThat(s.get(1).covers("hw/dev.c", 4, "MR004")).isTrue();
  }

  @Test
  void missingReasonAndMissingRulesAreKeptForReporting() {
    List<Suppression> s =
        read(
            "// mrcheck: ignore MR002",
            "/* mrcheck: ignore -- no rule named */",
            "// mrcheck: ignore MR003 --   ");
    assertThat(s).extracting(Suppression::hasReason).containsExactly(false, true, false);
    assertThat(s.get(1).rules()).isEmpty();
  }

  @Test
  void multiLineBlockCommentIsOneDirective() {
    List<Suppression> s =
        read(
            "    /*",
            "     * mrcheck: ignore MR005 -- the container is",
            "     * machine-wide on purpose",
            "     */",
            "    memory_region_add_subregion(get_system_memory(), 0, &s->mmio);");
    assertThat(s).hasSize(1);
    assertThat(s.get(0).reason()).isEqualTo("the container is machine-wide on purpose");
    assertThat(s.get(0).covers("hw/dev.c", 5, "MR005")).isTrue();
  }

  @Test
  void textInStringsAndOtherCommentsIsNotADirective() {
    assertThat(
            read(
                "    printf(\"// mrcheck: ignore MR002 -- in a string\\n\");",
                "    char c = '\"'; // an ordinary comment about mrcheck: ignore",
                "    /* see mrcheck: ignore MR002 */",
                "    String s = \"\"\"",
                "        /* mrcheck: ignore MR002 -- in a Java text block */",
                "        \"\"\";"))
        .isEmpty();
  }

  @Test
  void identityDoesNotDependOnTheLine() {
    Suppression a = read("// mrcheck: ignore MR002 -- why").get(0);
    Suppression b = read("", "", "//   mrcheck:  ignore MR002 -- why").get(0);
    assertThat(a.text()).isEqualTo(b.text());
  }
}
