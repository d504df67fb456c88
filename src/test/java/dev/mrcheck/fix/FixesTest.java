package dev.mrcheck.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.analysis.Place;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Severity;
import dev.mrcheck.rules.Witness;
import dev.mrcheck.rules.WitnessStep;
import dev.mrcheck.scan.ScanResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixesTest {
  private static final String FILE = "dev.c";

  @Test
  void fixesAppliedToACopyOfTestdataRescanClean(@TempDir Path dir) throws Exception {
    FixTestTree.copy(dir);
    ScanResult before = FixTestTree.scan(dir, Set.of("MR002", "MR004"));
    assertThat(before.findings()).extracting(Finding::ruleId).contains("MR002", "MR004");
    FixPlan plan = FixPlan.of(before.findings(), SourceTexts.under(dir), Set.of());
    assertThat(plan.fixes()).hasSize(4);
    // The MR004 error (del_subregion from instance_finalize) needs a person: no mechanical fix.
    assertThat(plan.unfixable())
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    for (FilePatch p : plan.patches()) {
      assertThat(p.skipped()).isEmpty();
      Files.writeString(dir.resolve(p.file()), p.after());
    }
    ScanResult after = FixTestTree.scan(dir, Set.of("MR002", "MR004"));
    assertThat(after.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.ruleId()).isEqualTo("MR004");
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
            });
    String gotoFail = Files.readString(dir.resolve("mr002_goto_fail_skips_del.c"));
    // Another path already deleted the probe: the inserted delete is guarded, or it would assert.
    assertThat(gotoFail)
        .contains(
            """
            if (memory_region_is_mapped(&s->probe)) {
                memory_region_del_subregion(&s->window, &s->probe);
            }
            object_unparent(OBJECT(&s->probe));
        """);
    assertThat(Files.readString(dir.resolve("mr004_shared_teardown_helper_in_finalize.c")))
        .doesNotContain("object_unparent(OBJECT(&s->window));");
  }

  @Test
  void unifiedDiffHasExactHunksForInsertionsAndDeletions() {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 20; i++) text.append("line ").append(i).append('\n');
    FilePatch p =
        new FilePatch(
            "a.c",
            text.toString(),
            List.of(TextEdit.insertion("a.c", 3, 1, "new\n"), TextEdit.deleteLine("a.c", 15)));
    assertThat(p.unifiedDiff())
        .isEqualTo(
            """
        --- a/a.c
        +++ b/a.c
        @@ -1,5 +1,6 @@
         line 1
         line 2
        +new
         line 3
         line 4
         line 5
        @@ -12,7 +13,6 @@
         line 12
         line 13
         line 14
        -line 15
         line 16
         line 17
         line 18
        """);
    assertThat(p.after()).contains("line 2\nnew\nline 3").doesNotContain("line 15\n");
  }

  @Test
  void overlappingEditsAreSkippedNotMerged() {
    FilePatch p =
        new FilePatch(
            "a.c",
            "abcdef\n",
            List.of(new TextEdit("a.c", 1, 2, 1, 5, "X"), new TextEdit("a.c", 1, 3, 1, 4, "Y")));
    assertThat(p.after()).isEqualTo("aXef\n");
    assertThat(p.skipped()).hasSize(1);
  }

  @Test
  void noFixWhereTheUnparentIsAnUnbracedIfBody() {
    String src =
        """
        static void dev_exit(PCIDevice *pdev)
        {
            DevState *s = DEV(pdev);
            if (s->mapped)
                object_unparent(OBJECT(&s->win));
        }
        """;
    assertThat(Fixes.forFinding(mr002(5), file -> src)).isEmpty();
    assertThat(Fixes.forFinding(mr004Warning(5), file -> src)).isEmpty();
    String braced = src.replace("if (s->mapped)\n", "{\n").replace("win));\n", "win));\n    }\n");
    assertThat(Fixes.forFinding(mr002(5), file -> braced)).isPresent();
  }

  @Test
  void mr002UsesTheContainerAsTheAddWroteItAndTheFileLineBreaks() {
    String src =
        "static void dev_realize(PCIDevice *pdev, Error **errp)\r\n{\r\n"
            + "    DevState *s = DEV(pdev);\r\n    memory_region_add_subregion(&s->bar, 0, &s->win);\r\n}\r\n"
            + "static void dev_exit(PCIDevice *pdev)\r\n{\r\n    DevState *s = DEV(pdev);\r\n"
            + "    object_unparent(OBJECT(&s->win));\r\n}\r\n";
    Fix fix = Fixes.forFinding(mr002(9), file -> src).orElseThrow();
    assertThat(fix.edits())
        .containsExactly(
            TextEdit.insertion(
                FILE, 9, 1, "    memory_region_del_subregion(&s->bar, &s->win);\r\n"));
  }

  @Test
  void mr004RemovesOnlyTheStatementWhenTheLineHasMore() {
    String src =
        "static void dev_finalize(Object *obj)\n{\n    object_unparent(OBJECT(&s->win)); /* gone */\n}\n";
    Fix fix = Fixes.forFinding(mr004Warning(3), file -> src).orElseThrow();
    FilePatch p = new FilePatch(FILE, src, fix.edits());
    assertThat(p.after())
        .isEqualTo("static void dev_finalize(Object *obj)\n{\n     /* gone */\n}\n");
    assertThat(Fixes.forFinding(mr004Warning(3).withSeverity(Severity.ERROR), file -> src))
        .isEmpty();
  }

  private static Finding mr002(int line) {
    SourceLoc add = new SourceLoc(FILE, 4, 5, 4, 50);
    SourceLoc at = new SourceLoc(FILE, line, 5, line, 40);
    Witness w =
        new Witness(
            "TYPE_DEV",
            true,
            List.of(
                new WitnessStep(
                    Role.REALIZE,
                    new Operation.Map<>(
                        new Place("self.win", "s->win"), new Place("self.bar", "s->bar"), null),
                    add),
                new WitnessStep(
                    Role.UNREALIZE, new Operation.Unparent<>(new Place("self.win", "s->win")), at)),
            Witness.Expectation.FINALIZED_WHILE_MAPPED);
    return new Finding(
            "MR002",
            Severity.ERROR,
            at,
            "object_unparent(s->win) while it may still be mapped",
            List.of(),
            "fp")
        .withWitness(w);
  }

  private static Finding mr004Warning(int line) {
    return new Finding(
        "MR004",
        Severity.WARNING,
        new SourceLoc(FILE, line, 5, line, 40),
        "object_unparent(s->win) in instance_finalize is a no-op",
        List.of(),
        "fp4");
  }
}
