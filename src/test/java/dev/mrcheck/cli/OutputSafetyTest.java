package dev.mrcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.cli.CliRunner.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No output option replaces a file the scan reads (issue 15): a source, the configuration, a model,
 * the baseline, the compilation database, or the other output; compared by real path. The refusal
 * is exit 2 with one line, before any scan, and the file is left as it was.
 */
class OutputSafetyTest {
  private static final String SOURCE = "static int f(void) { return 0; }\n";

  @TempDir Path tmp;
  private Path tree;
  private Path source;
  private CliRunner cli;

  @BeforeEach
  void setUp() throws IOException {
    tree = Files.createDirectories(tmp.resolve("tree"));
    source = Files.writeString(tree.resolve("dev.c"), SOURCE);
    Files.createDirectories(tree.resolve("sub"));
    Files.writeString(tree.resolve("sub/regs.h"), "#define R 1\n");
    cli = new CliRunner(tmp);
  }

  @Test
  void aSourceInTheScannedTreeIsNotOverwrittenByTheReport() throws IOException {
    Outcome o = cli.run("scan", "-o", source.toString(), tree.toString());
    assertRefused(
        o, "refusing to write the report to " + source + ": it is a source file this scan reads");
    assertThat(Files.readString(source)).isEqualTo(SOURCE);
  }

  @Test
  void aSourceIsRecognisedByRealPathThroughDotsAndLinks() throws IOException {
    Path dotted = tree.resolve("sub/../dev.c");
    assertRefused(cli.run("scan", "-o", dotted.toString(), tree.toString()), "it is a source file");
    Path linkedDir = Files.createSymbolicLink(tmp.resolve("alias"), tree);
    assertRefused(
        cli.run("scan", "-o", linkedDir.resolve("sub/regs.h").toString(), tree.toString()),
        "it is a source file");
    Path linkToSource = Files.createSymbolicLink(tmp.resolve("report.c"), source);
    Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
    // The link is outside the tree, but the scan reads the file it names when given it.
    assertRefused(
        cli.run("scan", "-o", source.toString(), linkToSource.toString(), outside.toString()),
        "it is a source file");
    assertThat(Files.readString(source)).isEqualTo(SOURCE);
  }

  @Test
  void theBaselineIsRefusedAsAnOutputOfTheSameScan() throws IOException {
    Path sourceBaseline = tree.resolve("dev.c");
    assertRefused(
        cli.run("scan", "--write-baseline", sourceBaseline.toString(), tree.toString()),
        "refusing to write the baseline to "
            + sourceBaseline
            + ": it is a source file this scan reads");
    Path baseline = Files.writeString(tmp.resolve("baseline.json"), "{}");
    assertRefused(
        cli.run(
            "scan", "--baseline", baseline.toString(), "-o", baseline.toString(), tree.toString()),
        "it is the baseline this scan reads");
    assertThat(Files.readString(baseline)).isEqualTo("{}");
  }

  @Test
  void reportAndBaselineToOneFileAreRefused() {
    Path out = tmp.resolve("out.json");
    Outcome o =
        cli.run(
            "scan",
            "--write-baseline",
            out.toString(),
            "-o",
            tmp.resolve("./out.json").toString(),
            tree.toString());
    assertRefused(o, "refusing to write the report and the baseline to the same file");
    assertThat(out).doesNotExist();
  }

  @Test
  void configModelAndCompilationDatabaseAreRefused() throws IOException {
    Path model = Files.writeString(tmp.resolve("extra.mrm"), "# no functions\n");
    Path config = Files.writeString(tree.resolve(".mrcheck.yaml"), "semantics: current\n");
    Path db =
        Files.writeString(
            tmp.resolve("compile_commands.json"),
            "[{\"directory\": \""
                + tree
                + "\", \"file\": \"dev.c\", \"arguments\": [\"cc\", \"-c\", \"dev.c\"]}]");
    assertRefused(
        cli.run("scan", "-o", config.toString(), tree.toString()), "it is the configuration");
    assertRefused(
        cli.run("scan", "--model", model.toString(), "-o", model.toString(), tree.toString()),
        "it is a model file");
    assertRefused(
        cli.run("scan", "--compile-commands", db.toString(), "-o", db.toString(), tree.toString()),
        "it is the compilation database");
    assertThat(Files.readString(config)).isEqualTo("semantics: current\n");
    assertThat(Files.readString(model)).isEqualTo("# no functions\n");
  }

  @Test
  void anOutputBesideTheSourcesIsWritten() throws IOException {
    Path report = tree.resolve("report.sarif");
    Outcome o = cli.run("scan", "--format", "sarif", "-o", report.toString(), tree.toString());
    assertThat(o.exit()).as(o.err()).isZero();
    assertThat(Files.readString(report)).contains("\"version\"");
  }

  @Test
  void anUnwritableDirectoryIsNamedByTheUsersPathNotTheTemporary() {
    Outcome o = cli.run("scan", "-o", "/proc/version", tree.toString());
    assertRefused(o, "cannot write /proc/version: cannot create a file in /proc");
    assertThat(o.err()).doesNotContain(".tmp", "Exception");
  }

  private void assertRefused(Outcome o, String expected) {
    assertThat(o.exit()).as(o.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).startsWith("mrcheck: ").contains(expected);
    assertThat(o.err().lines()).as(o.err()).hasSize(1);
    assertThat(cli.requests).as("refused before scanning").isEmpty();
  }
}
