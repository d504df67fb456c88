package dev.mrcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.golden.GoldenMarkers;
import dev.mrcheck.report.HelpPages;
import dev.mrcheck.rules.Rule;
import dev.mrcheck.rules.Rules;
import dev.mrcheck.scan.Scanner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** explain, --compare and --unconfirmed on testdata/c with the real scanner. */
class ConfirmCliTest {
  private record Run(int exit, String out, String err) {}

  /** The line of the case's MR002 finding, from its own BUG marker. */
  private static final int VGA_LINE =
      GoldenMarkers.flaggedLine("testdata/c/mr002_unparent_no_del_pci_exit.c", "MR002");

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            new Scanner()::analyze,
            Rules.all().stream().map(Rule::info).toList(),
            HelpPages.bundled(),
            Path.of("").toAbsolutePath());
    int exit = Main.run(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void explainPrintsTheWholeReplayOfTheFindingAtALine() {
    Run r = run("explain", "testdata/c/mr002_unparent_no_del_pci_exit.c:" + VGA_LINE);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "mr002_unparent_no_del_pci_exit.c:"
                + VGA_LINE
                + ":5: error: object_unparent(s->vga_low)")
        .contains(
            "verdict: confirmed by the current model: region finalized while mapped in pci_memory")
        .contains("replay (current semantics, hot-unplug scenario), every model step:")
        .contains("  == realize of TYPE_VGAWIN ==")
        .contains("replay: unrealize unparents s->vga_low")
        .contains("outcomes (1):")
        .contains(
            "  FinalizedWhileMapped at mr002_unparent_no_del_pci_exit.c:"
                + VGA_LINE
                + ":5: region finalized while mapped");
  }

  @Test
  void explainOfALineWithoutAFindingExitsOneAndListsTheNearestFindingsOfTheFile() {
    Run r = run("explain", "testdata/c/mr002_unparent_no_del_pci_exit.c:45");
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.out())
        .startsWith(
            "no finding at testdata/c/mr002_unparent_no_del_pci_exit.c:45 under --semantics "
                + "current (")
        .contains("\nnearest findings in this file:\n")
        .contains(
            "\n  testdata/c/mr002_unparent_no_del_pci_exit.c:46:5: error: object_unparent(s->vga_low) while")
        .doesNotContain(": note: ");
  }

  @Test
  void explainOfALineOutsideTheFileIsBadInput() {
    for (String line : new String[] {"0", "100000", "99999999999999999999999"}) {
      Run r = run("explain", "testdata/c/mr002_unparent_no_del_pci_exit.c:" + line);
      assertThat(r.exit()).as(line).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err())
          .as(line)
          .startsWith(
              "mrcheck: line "
                  + line
                  + " is outside "
                  + "testdata/c/mr002_unparent_no_del_pci_exit.c (")
          .doesNotContain("Exception");
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void explainRejectsAMalformedPosition() {
    assertThat(run("explain", "nonsense").exit()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void compareLegacyWithCurrentShowsTheLegacyOnlyOwnerCycles() {
    Run r = run("scan", "--semantics", "legacy", "--compare", "current", "testdata/c");
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
    String[] parts = r.out().split("(?m)^== ");
    assertThat(parts).hasSize(3);
    assertThat(parts[1]).startsWith("25 finding(s) only under --semantics legacy");
    assertThat(parts[1].lines().filter(l -> l.contains(": error: ")))
        .hasSize(25)
        .allMatch(l -> l.endsWith("[MR001]") && l.contains("under legacy semantics"))
        .anyMatch(l -> l.contains("mr001_legacy_ide_bmdma_container.c:91:9"));
    assertThat(parts[2]).startsWith("0 finding(s) only under --semantics current");
    assertThat(r.err()).contains("25 finding(s) only under legacy, 0 only under current");
  }

  @Test
  void compareRefcountWithCurrentShowsWhatTheSeriesFixes() {
    Run r =
        run(
            "scan",
            "--semantics",
            "refcount",
            "--compare",
            "current",
            "--format",
            "json",
            "testdata/c");
    // The findings the series adds: a freed region can no longer hold its owner, nor what a freed
    // alias aliased (UB code either way).
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.err()).contains("3 finding(s) only under refcount");
    assertThat(r.out())
        .contains("\"comparedWith\": \"current\"")
        .contains("mr002_goto_fail_skips_del.c")
        .contains("mr002_refcount_held_container_keeps_pane.c")
        .contains("mr007_refcount_freed_root_holds_nothing.c")
        .contains("mr007_refcount_freed_alias_root_holds_nothing.c");
  }

  @Test
  void unconfirmedFindingsAreDroppedUnlessAsked() {
    Run dropped = run("scan", "--semantics", "refcount", "testdata/c");
    Run kept = run("scan", "--semantics", "refcount", "--unconfirmed", "testdata/c");
    assertThat(dropped.out())
        .doesNotContain("[unconfirmed]")
        .doesNotContain("mr002_goto_fail_skips_del.c:48:5: error");
    assertThat(dropped.err()).contains("23 not reproduced (dropped; --unconfirmed keeps them)");
    assertThat(kept.out())
        .contains("mr002_goto_fail_skips_del.c:48:5: error")
        .contains("[MR002] [unconfirmed]");
    assertThat(kept.err()).contains("23 unconfirmed");
    assertThat(findingCount(kept.err()))
        .isEqualTo(findingCount(dropped.err()) + 23 + 5); // 5 refuted
  }

  /**
   * The total in the summary line; testdata grows, so tests compare totals rather than pin them.
   */
  private static int findingCount(String summary) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+) findings?").matcher(summary);
    assertThat(m.find()).as("summary line in %s", summary).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
