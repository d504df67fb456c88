package dev.mrcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.cli.CliRunner.Outcome;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.scan.ScanRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scan, fix and explain take --semantics, --model, -I, -D and -j from one mixin and build the same
 * request.
 */
class SharedAnalysisOptionsTest {
  @TempDir Path tmp;
  private Path file;
  private Path model;
  private CliRunner cli;

  @BeforeEach
  void setUp() throws IOException {
    file = Files.writeString(tmp.resolve("a.c"), "int x;\n");
    model = Files.writeString(tmp.resolve("extra.mrm"), "");
    Files.createDirectories(tmp.resolve("inc"));
    cli = new CliRunner(tmp);
  }

  private ScanRequest requestOf(int exit, String... args) {
    Outcome o = cli.run(args);
    assertThat(o.exit()).as(String.join(" ", args) + ": " + o.err()).isEqualTo(exit);
    return cli.requests.get(cli.requests.size() - 1);
  }

  @Test
  void everyCommandBuildsItsRequestFromTheSameOptions() {
    List<String> shared =
        List.of(
            "--semantics",
            "legacy",
            "--model",
            model.toString(),
            "-I",
            tmp.resolve("inc").toString(),
            "-D",
            "CONFIG_PCI",
            "-D",
            "WIDTH=4",
            "-j",
            "3");
    ScanRequest scan =
        requestOf(ExitCodes.OK, args("scan", "--no-config", shared, file.toString()));
    ScanRequest fix = requestOf(ExitCodes.OK, args("fix", "--diff", shared, file.toString()));
    // The fake scanner finds nothing, and explain says so with exit 1.
    ScanRequest explain = requestOf(ExitCodes.FINDINGS, args("explain", file + ":1", shared));
    for (ScanRequest r : List.of(scan, fix, explain)) {
      assertThat(r.semantics()).isEqualTo(Semantics.LEGACY);
      assertThat(r.modelFiles()).containsExactly(model);
      assertThat(r.frontendOptions().includeDirs()).containsExactly(tmp.resolve("inc"));
      assertThat(r.frontendOptions().defines())
          .containsEntry("CONFIG_PCI", "1")
          .containsEntry("WIDTH", "4");
      assertThat(r.jobs()).isEqualTo(3);
    }
    // What differs is each command's own: fix keeps only confirmed findings, explain keeps them
    // all.
    assertThat(fix.keepUnconfirmed()).isFalse();
    assertThat(explain.keepUnconfirmed()).isTrue();
  }

  @Test
  void badSharedOptionsAreUsageErrorsInEveryCommand() {
    for (String[] args :
        List.of(
            new String[] {"scan", "--no-config", "-j", "0", file.toString()},
            new String[] {"fix", "-j", "0", file.toString()},
            new String[] {"explain", file + ":1", "-j", "0"})) {
      Outcome o = cli.run(args);
      assertThat(o.exit()).as(args[0]).isEqualTo(ExitCodes.USAGE);
      assertThat(o.err()).contains("--jobs must be at least 1, got 0");
    }
    for (String[] args :
        List.of(
            new String[] {"scan", "--no-config", "-D", "1BAD", file.toString()},
            new String[] {"fix", "-D", "1BAD", file.toString()},
            new String[] {"explain", file + ":1", "-D", "1BAD"})) {
      Outcome o = cli.run(args);
      assertThat(o.exit()).as(args[0]).isEqualTo(ExitCodes.USAGE);
      assertThat(o.err()).contains("bad -D '1BAD'");
    }
  }

  private static String[] args(String command, String first, List<String> shared, String last) {
    List<String> all = new java.util.ArrayList<>(List.of(command, first));
    all.addAll(shared);
    all.add(last);
    return all.toArray(String[]::new);
  }

  private static String[] args(String command, String first, List<String> shared) {
    List<String> all = new java.util.ArrayList<>(List.of(command, first));
    all.addAll(shared);
    return all.toArray(String[]::new);
  }
}
