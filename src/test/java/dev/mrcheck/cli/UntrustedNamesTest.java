package dev.mrcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.report.HelpPages;
import dev.mrcheck.rules.Rule;
import dev.mrcheck.rules.Rules;
import dev.mrcheck.scan.Scanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File names are attacker-controlled text: one with {@code ESC [2J} must not clear the terminal and
 * one with a newline must not forge a diagnostic line, in any human-readable output (issue 15).
 */
class UntrustedNamesTest {
  private static final String CLEAR = "clear\u001b[2J";
  private static final String FORGE = "dev\nfake.c:1:1: error: forged [MR001]\n";

  private static CliRunnerReal.Run run(Path cwd, String... args) {
    return CliRunnerReal.run(cwd, args);
  }

  private static Path hostileTree(Path dir) throws IOException {
    // Two devices of their own: the same type registered twice would be one device.
    Files.copy(Path.of("testdata/c/mr002_del_on_one_branch_only.c"), dir.resolve(CLEAR + ".c"));
    Files.copy(Path.of("testdata/c/mr002_unparent_no_del_pci_exit.c"), dir.resolve(FORGE + ".c"));
    return dir;
  }

  @Test
  void textOutputEscapesControlCharactersOfFileNames(@TempDir Path dir) throws IOException {
    hostileTree(dir);
    CliRunnerReal.Run r = run(dir, "scan", "--no-progress", "-j", "1", "--trace", dir.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.out())
        .doesNotContain("\u001b")
        .doesNotContain("\r")
        .contains("clear\\033[2J.c:65:5: error: object_unparent(s->legacy_io)")
        .contains(
            "dev\\nfake.c:1:1: error: forged [MR001]\\n.c:46:5: error: object_unparent(s->vga_low)");
    for (String line : r.out().split("\n")) {
      assertThat(line)
          .as("every line is a diagnostic or an indented note of a real file")
          .matches("(  )?(note: .*|(clear|dev).*\\.c:\\d+:\\d+: (error|warning|note): .*)");
      assertThat(line).doesNotStartWith("fake.c");
    }
  }

  @Test
  void htmlReportEscapesControlCharactersOfFileNames(@TempDir Path dir) throws IOException {
    hostileTree(dir);
    Path out = Files.createTempFile("mrcheck-untrusted", ".html");
    try {
      CliRunnerReal.Run r =
          run(
              dir,
              "scan",
              "--no-progress",
              "-j",
              "1",
              "--format",
              "html",
              "-o",
              out.toString(),
              dir.toString());
      assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
      String html = Files.readString(out);
      assertThat(html)
          .doesNotContain("\u001b")
          .contains("clear\\033[2J.c:65:5")
          .contains("dev\\nfake.c:1:1: error: forged [MR001]\\n.c:46:5")
          .doesNotContain("dev\nfake.c");
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** The real scanner, in-process. */
  static final class CliRunnerReal {
    record Run(int exit, String out, String err) {}

    static Run run(Path cwd, String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CliContext context =
          new CliContext(
              new Scanner()::scan,
              Rules.all().stream().map(Rule::info).toList(),
              HelpPages.none(),
              cwd);
      int exit = Main.run(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
      return new Run(exit, out.toString(), err.toString());
    }
  }
}
