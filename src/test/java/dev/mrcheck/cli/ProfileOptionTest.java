package dev.mrcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code scan --profile} with the real scanner: the summary's shape, never its figures. */
class ProfileOptionTest {
  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context = CliContext.production();
    int exit = Main.run(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void profilePrintsPhaseTimesAndWorkCountsOnStderr() {
    Run r = run("scan", "--no-config", "--profile", "testdata/c/mr002_unparent_no_del_pci_exit.c");
    assertThat(r.exit()).as(r.err()).isIn(0, 1);
    assertThat(r.err()).contains("mrcheck profile:");
    for (String phase :
        new String[] {
          "discovery", "read+index", "parse", "program", "analysis", "rules", "confirm", "total"
        }) {
      assertThat(r.err())
          .containsPattern(
              "(?m)^  " + java.util.regex.Pattern.quote(phase) + " +\\d+ ms wall +\\d+ ms cpu");
    }
    assertThat(r.err())
        .containsPattern(
            "files: \\d+ found, \\d+ read, \\d+ parsed \\(\\d+ lines\\) in \\d+ relevance rounds")
        .containsPattern("functions: \\d+ in the program, \\d+ analyzed")
        .containsPattern("replays run: \\d+; confirmations: \\d+; findings: \\d+");
    assertThat(r.out()).doesNotContain("mrcheck profile");
  }

  @Test
  void withoutProfileNoSummaryIsPrinted() {
    Run r = run("scan", "--no-config", "testdata/c/mr002_unparent_no_del_pci_exit.c");
    assertThat(r.err()).doesNotContain("mrcheck profile:");
  }
}
