package dev.mrcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mrcheck.cli.CliRunner.Outcome;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.report.Fixtures;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

class MainTest {
  @TempDir Path tmp;
  private Path tree;
  private CliRunner cli;

  @BeforeEach
  void setUp() throws IOException {
    tree = Files.createDirectories(tmp.resolve("tree"));
    Files.writeString(tree.resolve("a.c"), "int x;\n");
    cli = new CliRunner(tmp);
  }

  // --- help and version -----------------------------------------------------------------

  @Test
  void helpListsTheCommandsAndExitCodes() {
    Outcome o = cli.run("--help");
    assertThat(o.exit()).isZero();
    assertThat(o.out()).contains("scan", "rules", "Exit codes:", "internal error");
  }

  @Test
  void everyOptionAndParameterHasADescription() {
    CommandLine cl =
        Main.commandLine(
            context(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    for (CommandLine sub : cl.getSubcommands().values()) {
      for (OptionSpec o : sub.getCommandSpec().options()) {
        assertThat(String.join("", o.description()))
            .as(sub.getCommandName() + " " + o.longestName())
            .isNotBlank();
      }
      for (PositionalParamSpec p : sub.getCommandSpec().positionalParameters()) {
        assertThat(String.join("", p.description()))
            .as(sub.getCommandName() + " " + p.paramLabel())
            .isNotBlank();
      }
    }
  }

  @Test
  void scanHelpNamesEveryOption() {
    Outcome o = cli.run("scan", "--help");
    assertThat(o.exit()).isZero();
    assertThat(o.out())
        .contains(
            "--format",
            "--output",
            "--semantics",
            "--rules",
            "--model",
            "-I",
            "-D",
            "--jobs",
            "--fail-on",
            "legacy",
            "refcount",
            "Exit codes:");
  }

  @Test
  void versionNamesTheToolAndItsVersion() {
    Outcome o = cli.run("--version");
    assertThat(o.exit()).isZero();
    assertThat(o.out()).startsWith("mrcheck 0.1.0\n");
  }

  @Test
  void noSubcommandShowsUsageAndFails() {
    Outcome o = cli.run();
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("Usage: mrcheck");
    assertThat(o.out()).isEmpty();
  }

  @Test
  void unknownOptionIsAOneLineUsageError() {
    Outcome o = cli.run("scan", "--frobnicate", tree.toString());
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertOneLineError(o, "Unknown option: '--frobnicate'");
  }

  // --- rules -----------------------------------------------------------------------------

  @Test
  void rulesListsIdNameSeverityAndDescriptionInIdOrder() {
    Outcome o = cli.run("rules");
    assertThat(o.exit()).isZero();
    assertThat(o.out())
        .startsWith(
            "TST001  fake-error  [error]\n    Stands in for a real error rule in tests.\n\n");
    assertThat(o.out().indexOf("TST002  fake-warning  [warning]"))
        .isLessThan(o.out().indexOf("TST003"));
    assertThat(o.out().lines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
  }

  @Test
  void explainPrintsTheHelpPageAndIgnoresCase() {
    Outcome o = cli.run("rules", "--explain", "tst001");
    assertThat(o.exit()).isZero();
    assertThat(o.out()).startsWith("# TST001 fake-error\n");
  }

  @Test
  void explainOfAnUnknownRuleFails() {
    Outcome o = cli.run("rules", "--explain", "MR999");
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertOneLineError(o, "unknown rule id 'MR999' (known: TST001, TST002, TST003)");
  }

  @Test
  void explainOfARuleWithoutAPageSaysWhichResourceIsMissing() {
    Outcome o = cli.run("rules", "--explain", "TST002");
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertOneLineError(o, "dev/mrcheck/rules/help/TST002.md");
  }

  // --- scan: input checks (the scanner must not even be called) ---------------------------

  @Test
  void unknownRuleIdIsAUsageError() {
    Outcome o = cli.run("scan", "--rules", "TST001,MR999", tree.toString());
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertOneLineError(o, "unknown rule id 'MR999'");
    assertThat(cli.requests).isEmpty();
  }

  @Test
  void nonexistentPathIsAOneLineError() {
    Outcome o = cli.run("scan", tmp.resolve("nope").toString());
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertOneLineError(o, "no such file or directory: " + tmp.resolve("nope"));
    assertThat(cli.requests).isEmpty();
  }

  @Test
  void missingModelFileIsAnError() {
    Outcome o = cli.run("scan", "--model", tmp.resolve("none.mrm").toString(), tree.toString());
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertOneLineError(o, "model file not found");
  }

  @Test
  void outputInAMissingDirectoryFailsBeforeScanning() {
    Outcome o =
        cli.run(
            "scan", "--output", tmp.resolve("no/such/dir/out.sarif").toString(), tree.toString());
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertOneLineError(o, "does not exist");
    assertThat(cli.requests).isEmpty();
  }

  @Test
  void outputThatIsADirectoryFails() {
    Outcome o = cli.run("scan", "-o", tmp.toString(), tree.toString());
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertOneLineError(o, "it is a directory");
  }

  @Test
  void outputOverAnInputFileIsRefused() {
    Path input = tree.resolve("a.c");
    Outcome o = cli.run("scan", "-o", input.toString(), input.toString());
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertOneLineError(
        o, "refusing to write the report to " + input + ": it is a source file this scan reads");
  }

  @Test
  void badDefineAndZeroJobsAreUsageErrors() {
    assertThat(cli.run("scan", "-D", "1X=2", tree.toString()).exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.run("scan", "--jobs", "0", tree.toString()).exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.run("scan", "--semantics", "newest", tree.toString()).exit())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.requests).isEmpty();
  }

  // --- scan: the request ----------------------------------------------------------------

  @Test
  void defaultsAreCurrentSemanticsAllRulesAndAllCores() {
    assertThat(cli.run("scan", tree.toString()).exit()).isZero();
    ScanRequest r = cli.requests.get(0);
    assertThat(r.paths()).containsExactly(tree);
    assertThat(r.semantics()).isEqualTo(Semantics.CURRENT);
    assertThat(r.rules()).isEmpty();
    assertThat(r.jobs()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(r.modelFiles()).isEmpty();
    assertThat(r.frontendOptions().includeDirs()).isEmpty();
    assertThat(r.frontendOptions().defines()).isEmpty();
  }

  @Test
  void optionsReachTheRequest() throws IOException {
    Path model = Files.writeString(tmp.resolve("extra.mrm"), "");
    Path inc = Files.createDirectories(tmp.resolve("include"));
    Outcome o =
        cli.run(
            "scan",
            "--semantics",
            "LEGACY",
            "--rules",
            "tst002,TST001",
            "--model",
            model.toString(),
            "-I",
            inc.toString(),
            "-I",
            tmp.resolve("missing-inc").toString(),
            "-DFOO",
            "-D",
            "BAR=2",
            "-D",
            "SQ(x)=((x)*(x))",
            "--jobs",
            "3",
            tree.toString(),
            tree.resolve("a.c").toString());
    assertThat(o.exit()).isZero();
    assertThat(o.err())
        .contains("mrcheck: warning: include directory not found: " + tmp.resolve("missing-inc"));
    ScanRequest r = cli.requests.get(0);
    assertThat(r.semantics()).isEqualTo(Semantics.LEGACY);
    assertThat(r.rules()).isEqualTo(Set.of("TST001", "TST002"));
    assertThat(r.modelFiles()).containsExactly(model);
    assertThat(r.frontendOptions().includeDirs()).containsExactly(inc, tmp.resolve("missing-inc"));
    assertThat(r.frontendOptions().defines())
        .isEqualTo(Map.of("FOO", "1", "BAR", "2", "SQ(x)", "((x)*(x))"));
    assertThat(r.jobs()).isEqualTo(3);
    assertThat(r.paths()).containsExactly(tree, tree.resolve("a.c"));
  }

  // --- scan: output and exit codes --------------------------------------------------------

  @Test
  void textDiagnosticsGoToStdoutRelativeToTheWorkingDirectoryAndTheSummaryToStderr() {
    cli.scanner(request -> Fixtures.result(tree, List.of(Fixtures.warning()), List.of()));
    Outcome o = cli.run("scan", "--fail-on", "none", tree.toString());
    assertThat(o.exit()).isZero();
    assertThat(o.out()).isEqualTo("tree/hw/pci/b.c:7:1: warning: a fake warning [TST002]\n");
    assertThat(o.err())
        .startsWith("mrcheck: 12 files")
        .contains("1 finding (TST002: 1)")
        .endsWith("\n");
    assertThat(o.err().lines()).hasSize(1);
  }

  @Test
  void verbosePrintsInputProblemsOnStderr() {
    cli.scanner(request -> Fixtures.sample(tree));
    Outcome o = cli.run("scan", "-v", "--fail-on", "none", tree.toString());
    assertThat(o.err())
        .contains("tree/hw/broken.c:3:1: warning: function dropped: parse error [input]");
    assertThat(o.out()).doesNotContain("[input]");
  }

  @ParameterizedTest(name = "findings {0}, --fail-on {1} -> exit {2}")
  @CsvSource({
    "error,   error,   1",
    "error,   none,    0",
    "warning, error,   0",
    "warning, warning, 1",
    "warning, note, 1",
    "warning, none, 0",
    "note,    warning, 0",
    "note,    note,    1",
    "'',      note,    0",
  })
  void failOnThresholdDecidesTheExitCode(String level, String failOn, int expectedExit) {
    List<Finding> findings =
        switch (level) {
          case "error" -> List.of(Fixtures.error());
          case "warning" -> List.of(Fixtures.warning());
          case "note" -> List.of(Fixtures.note());
          default -> List.of();
        };
    cli.scanner(request -> Fixtures.result(tree, findings, List.of()));
    assertThat(cli.run("scan", "--fail-on", failOn, tree.toString()).exit())
        .isEqualTo(expectedExit);
  }

  @Test
  void defaultFailOnIsError() {
    cli.scanner(request -> Fixtures.result(tree, List.of(Fixtures.error()), List.of()));
    assertThat(cli.run("scan", tree.toString()).exit()).isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void scanExceptionIsAOneLineUsageError() {
    cli.scanner(
        request -> {
          throw new ScanException("bad model file x.mrm:3:7: unknown effect 'mapp'");
        });
    Outcome o = cli.run("scan", tree.toString());
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertOneLineError(o, "bad model file x.mrm:3:7: unknown effect 'mapp'");
  }

  @Test
  void unexpectedExceptionIsAnInternalErrorWithoutAStackTrace() {
    cli.scanner(
        request -> {
          throw new IllegalStateException("cfg has no exit\nsecond line");
        });
    Outcome o = cli.run("scan", tree.toString());
    assertThat(o.exit()).isEqualTo(ExitCodes.INTERNAL);
    assertOneLineError(o, "internal error: IllegalStateException: cfg has no exit second line");
  }

  @Test
  void errorsEscapingPicocliAreInternalErrorsToo() {
    cli.scanner(
        request -> {
          throw new StackOverflowError();
        });
    Outcome o = cli.run("scan", tree.toString());
    assertThat(o.exit()).isEqualTo(ExitCodes.INTERNAL);
    assertOneLineError(
        o,
        "stack overflow (a very deeply nested input): give Java bigger thread stacks, e.g. "
            + "MRCHECK_JAVA_OPTS=-Xss64m");
  }

  @Test
  void runningOutOfMemoryNamesTheWayOut() {
    cli.scanner(
        request -> {
          throw new OutOfMemoryError("Java heap space");
        });
    Outcome o = cli.run("scan", tree.toString());
    assertThat(o.exit()).isEqualTo(ExitCodes.INTERNAL);
    assertOneLineError(
        o, "out of memory (Java heap space): give Java more heap, e.g. MRCHECK_JAVA_OPTS=-Xmx8g");
  }

  @Test
  void outputFileGetsTheReportAndStdoutStaysEmpty() throws IOException {
    cli.scanner(request -> Fixtures.sample(tree));
    Path out = tmp.resolve("out.sarif");
    Outcome o = cli.run("scan", "--format", "sarif", "--output", out.toString(), tree.toString());
    assertThat(o.exit()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(o.out()).isEmpty();
    assertThat(new ObjectMapper().readTree(out.toFile()).get("version").asText())
        .isEqualTo("2.1.0");
    assertThat(Files.getPosixFilePermissions(out))
        .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .allSatisfy(name -> assertThat(name).doesNotEndWith(".tmp"));
    }
  }

  @Test
  void reportsAreByteIdenticalAcrossRunsAndOutputFileMatchesStdout() throws IOException {
    cli.scanner(request -> Fixtures.sample(tree));
    for (String format : List.of("sarif", "json", "text")) {
      String first = cli.run("scan", "--format", format, tree.toString()).out();
      assertThat(cli.run("scan", "--format", format, tree.toString()).out()).isEqualTo(first);
      Path file = tmp.resolve("report." + format);
      cli.run("scan", "--format", format, "-o", file.toString(), tree.toString());
      cli.run("scan", "--format", format, "-o", file.toString(), tree.toString()); // replaces
      assertThat(Files.readString(file)).isEqualTo(first);
    }
  }

  @Test
  void sarifListsOnlyTheSelectedRules() throws IOException {
    cli.scanner(request -> Fixtures.result(tree, List.of(Fixtures.warning()), List.of()));
    Outcome o = cli.run("scan", "--format", "sarif", "--rules", "TST002", tree.toString());
    assertThat(
            new ObjectMapper()
                .readTree(o.out())
                .at("/runs/0/tool/driver/rules")
                .findValuesAsText("id"))
        .containsExactly("TST002");
  }

  private CliContext context() {
    return new CliContext(request -> Fixtures.empty(tree), Fixtures.rules(), Fixtures.help(), tmp);
  }

  private static void assertOneLineError(Outcome o, String expected) {
    assertThat(o.err()).startsWith("mrcheck: ").contains(expected).endsWith("\n");
    assertThat(o.err().lines()).as(o.err()).hasSize(1);
    assertThat(o.err()).doesNotContain("\tat ", "Caused by");
  }
}
