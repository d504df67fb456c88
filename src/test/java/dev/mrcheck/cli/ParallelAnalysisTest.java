package dev.mrcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replays of an analysis run on as many threads as {@code --jobs} gives: the report of the
 * whole golden corpus is the same, byte for byte, on one thread and on more threads than the
 * machine has cores (which interleaves the replays in many orders).
 */
class ParallelAnalysisTest {
  @Test
  void reportOnOneThreadEqualsReportOnSeveral(@TempDir Path tmp) throws Exception {
    String one = sarif(tmp.resolve("one.sarif"), 1);
    String several = sarif(tmp.resolve("several.sarif"), 5);
    assertThat(several).isEqualTo(one);
    assertThat(one).contains("\"ruleId\"");
  }

  private static String sarif(Path out, int jobs) throws Exception {
    StringWriter err = new StringWriter();
    int exit =
        Main.run(
            CliContext.production(),
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            "scan",
            "--no-config",
            "--no-progress",
            "--no-cache",
            "--jobs",
            String.valueOf(jobs),
            "--unconfirmed",
            "--fail-on",
            "none",
            "--format",
            "sarif",
            "--output",
            out.toString(),
            "testdata/c");
    assertThat(exit).as(err.toString()).isZero();
    return Files.readString(out);
  }
}
