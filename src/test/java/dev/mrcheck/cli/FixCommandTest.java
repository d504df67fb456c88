package dev.mrcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.fix.FixTestTree;
import dev.mrcheck.golden.GoldenMarkers;
import dev.mrcheck.report.HelpPages;
import dev.mrcheck.rules.Rule;
import dev.mrcheck.rules.Rules;
import dev.mrcheck.scan.Scanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mrcheck fix} and {@code scan --fix} on a copy of testdata, with the real scanner. Paths
 * are always the absolute temporary directory: a relative one resolves against the JVM's working
 * directory (the repository), which these commands would edit.
 */
class FixCommandTest {
  record Run(int exit, String out, String err) {}

  private static Run run(Path cwd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            new Scanner()::analyze,
            Rules.all().stream().map(Rule::info).toList(),
            HelpPages.none(),
            cwd);
    int exit = Main.run(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static Map<String, String> contents(Path dir) throws IOException {
    Map<String, String> m = new HashMap<>();
    for (String f : FixTestTree.FILES) m.put(f, Files.readString(dir.resolve(f)));
    return m;
  }

  @Test
  void diffPrintsTheFixesAndWritesNothing(@TempDir Path dir) throws IOException {
    FixTestTree.copy(dir);
    Map<String, String> before = contents(dir);
    Run r = run(dir, "fix", "--diff", "-j", "1", dir.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(contents(dir)).isEqualTo(before);
    // three lines of context above the insertion, which goes above the flagged line
    int hunk =
        GoldenMarkers.flaggedLine("testdata/c/mr002_unparent_no_del_pci_exit.c", "MR002") - 3;
    assertThat(r.out())
        .contains(
            """
        --- a/mr002_unparent_no_del_pci_exit.c
        +++ b/mr002_unparent_no_del_pci_exit.c
        @@ -%1$d,6 +%1$d,7 @@
             VgawinState *s = VGAWIN(pdev);
        \s
             // BUG: MR002
        +    memory_region_del_subregion(pci_address_space(pdev), &s->vga_low);
             object_unparent(OBJECT(&s->vga_low));
         }
        """
                .formatted(hunk));
    assertThat(r.out()).contains("-    object_unparent(OBJECT(&s->window));");
    assertThat(r.err())
        .contains("4 fixes shown (nothing written)", "1 finding(s) without a mechanical fix");
  }

  @Test
  void fixEditsInPlaceAndTheRescanIsClean(@TempDir Path dir) throws IOException {
    FixTestTree.copy(dir);
    Run r = run(dir, "fix", "--rules", "mr002", dir.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).isEmpty();
    int vgaLine = GoldenMarkers.flaggedLine("testdata/c/mr002_unparent_no_del_pci_exit.c", "MR002");
    assertThat(r.err())
        .contains(
            "mr002_unparent_no_del_pci_exit.c:"
                + vgaLine
                + ": fixed MR002: Insert memory_region_del_subregion(",
            "3 fixes applied in 3 files");
    // MR004 was not asked for: its unparent stays.
    assertThat(Files.readString(dir.resolve("mr004_shared_teardown_helper_in_finalize.c")))
        .contains("object_unparent(OBJECT(&s->window));");
    Run rescan = run(dir, "scan", "--rules", "MR002", "--fail-on", "note", dir.toString());
    assertThat(rescan.exit()).as(rescan.out()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void scanFixReportsThenFixes(@TempDir Path dir) throws IOException {
    FixTestTree.copy(dir);
    Run r = run(dir, "scan", "--fix", "--rules", "MR004", dir.toString());
    assertThat(r.out()).contains("is a no-op", "[MR004]");
    assertThat(r.err())
        .contains(
            "fixed MR004: Remove object_unparent(OBJECT(&s->window));", "1 fix applied in 1 file");
    Run rescan = run(dir, "scan", "--rules", "MR004", "--fail-on", "warning", dir.toString());
    assertThat(rescan.out()).doesNotContain("warning:").contains("error:");
  }

  @Test
  void aRuleWithoutAFixIsAUsageError(@TempDir Path dir) throws IOException {
    FixTestTree.copy(dir);
    Run r = run(dir, "fix", "--rules", "MR001", dir.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("MR001 has no mechanical fix");
  }
}
