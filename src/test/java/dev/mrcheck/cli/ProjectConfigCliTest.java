package dev.mrcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.cli.CliRunner.Outcome;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.report.Fixtures;
import dev.mrcheck.scan.ScanListener;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * .mrcheck.yaml through the command line: found, merged under the command line, errors as exit 2;
 * no progress off a TTY.
 */
class ProjectConfigCliTest {
  @TempDir Path tmp;
  private Path tree;
  private CliRunner cli;

  @BeforeEach
  void setUp() throws IOException {
    tree = Files.createDirectories(tmp.resolve("tree"));
    Files.writeString(Files.createDirectories(tree.resolve("hw")).resolve("a.c"), "int x;\n");
    cli = new CliRunner(tmp);
  }

  private void config(String yaml) throws IOException {
    Files.writeString(tmp.resolve("tree/.mrcheck.yaml"), yaml);
  }

  @Test
  void settingsComeFromTheNearestConfigAboveTheScannedDirectory() throws IOException {
    config("semantics: legacy\nrules: [TST001]\nincludeDirs: [include]\ndefines: {A: 2, B: x}\n");
    Outcome o = cli.run("scan", tree.resolve("hw").toString());
    assertThat(o.exit()).as(o.err()).isZero();
    ScanRequest r = cli.requests.get(0);
    assertThat(r.semantics()).isEqualTo(Semantics.LEGACY);
    assertThat(r.rules()).containsExactly("TST001");
    assertThat(r.frontendOptions().includeDirs()).containsExactly(tmp.resolve("tree/include"));
    assertThat(r.frontendOptions().defines()).containsEntry("A", "2").containsEntry("B", "x");
  }

  @Test
  void theCommandLineWins() throws IOException {
    config("semantics: legacy\nrules: [TST001]\ndefines: {A: 2}\n");
    Outcome o =
        cli.run(
            "scan",
            "--semantics",
            "current",
            "--rules",
            "TST002",
            "-D",
            "A=3",
            "-I",
            "mine",
            tree.toString());
    assertThat(o.exit()).as(o.err()).isZero();
    ScanRequest r = cli.requests.get(0);
    assertThat(r.semantics()).isEqualTo(Semantics.CURRENT);
    assertThat(r.rules()).containsExactly("TST002");
    assertThat(r.frontendOptions().defines()).containsEntry("A", "3");
  }

  @Test
  void noConfigIgnoresTheFile() throws IOException {
    config("semantics: legacy\n");
    assertThat(cli.run("scan", "--no-config", tree.toString()).exit()).isZero();
    assertThat(cli.requests.get(0).semantics()).isEqualTo(Semantics.CURRENT);
  }

  @Test
  void aBadConfigIsExitTwoWithFileAndLine() throws IOException {
    config("semantics: current\nfail_on: error\n");
    Outcome o = cli.run("scan", tree.toString());
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err())
        .startsWith(
            "mrcheck: " + tmp.resolve("tree/.mrcheck.yaml") + ":2: unknown setting 'fail_on'");
    assertThat(cli.requests).as("no scan with a bad config").isEmpty();

    Outcome missing =
        cli.run("scan", "--config", tmp.resolve("nope.yaml").toString(), tree.toString());
    assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("config file not found");
  }

  @Test
  void severityOverridesAndExcludesApplyToTheReport() throws IOException {
    config("severity: {TST002: error}\nexclude: ['hw/b.c']\n");
    cli.scanner(request -> Fixtures.sample(tree));
    Outcome o = cli.run("scan", "--fail-on", "error", tree.toString());
    // The sample's TST002 warning is in hw/pci/b.c, not excluded; it becomes an error.
    assertThat(o.out()).contains("hw/pci/b.c:7:1: error: a fake warning [TST002]");
    config("severity: {TST002: error}\nexclude: ['hw/pci/*.c']\n");
    Outcome excluded = cli.run("scan", tree.toString());
    assertThat(excluded.out()).doesNotContain("hw/pci/b.c");
    assertThat(excluded.out()).contains("[TST001]");
  }

  @Test
  void baselineOptionsDoNotMixWithCompare() {
    Outcome o =
        cli.run(
            "scan", "--no-config", "--compare", "legacy", "--baseline", "b.json", tree.toString());
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("--baseline cannot be combined with --compare");
  }

  @Test
  void progressIsNeverDrawnWhenStderrIsNotATerminal() throws IOException {
    List<ScanListener> listeners = new ArrayList<>();
    cli.scanner(
        new ScanFunction() {
          @Override
          public ScanResult scan(ScanRequest request) {
            throw new AssertionError("the command passes a listener");
          }

          @Override
          public ScanResult scan(ScanRequest request, ScanListener listener) {
            listeners.add(listener);
            return Fixtures.empty(tree);
          }
        });
    Outcome o = cli.run("scan", tree.toString());
    assertThat(o.exit()).as(o.err()).isZero();
    assertThat(listeners).containsExactly(ScanListener.NONE);
    assertThat(o.err()).doesNotContain("\r");
  }
}
