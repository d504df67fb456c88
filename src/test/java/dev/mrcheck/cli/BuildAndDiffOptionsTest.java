package dev.mrcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.changes.GitRepoFixture;
import dev.mrcheck.cli.CliRunner.Outcome;
import dev.mrcheck.scan.PciDeviceSource;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --compile-commands} and {@code --changed-since} reach the scan, and their bad input is
 * exit 2.
 */
class BuildAndDiffOptionsTest {
  @TempDir Path tmp;
  private Path tree;
  private CliRunner cli;

  @BeforeEach
  void setUp() throws IOException {
    tree = Files.createDirectories(tmp.resolve("tree"));
    Files.writeString(tree.resolve("a.c"), "int x;\n");
    cli = new CliRunner(tmp);
  }

  @Test
  void theDatabaseIsLoadedIntoTheRequest() throws IOException {
    Path db =
        Files.writeString(
            tmp.resolve("compile_commands.json"),
            "[{\"directory\": \""
                + tree
                + "\", \"file\": \"a.c\", \"command\": \"cc '-DNAME=\\\"x y\\\"' -c a.c\"}]");
    Outcome o = cli.run("scan", "--compile-commands", db.toString(), tree.toString());
    assertThat(o.exit()).as(o.err()).isZero();
    assertThat(cli.requests.get(0).compilationDatabase().units().get(tree.resolve("a.c")).defines())
        .containsEntry("NAME", "\"x y\"");
  }

  @Test
  void aMissingOrBadDatabaseIsAUsageError() throws IOException {
    Outcome missing =
        cli.run("scan", "--compile-commands", tmp.resolve("nope.json").toString(), tree.toString());
    assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).startsWith("mrcheck: compilation database not found: ");
    Path bad = Files.writeString(tmp.resolve("bad.json"), "[{\"file\": 1}]");
    Outcome o = cli.run("scan", "--compile-commands", bad.toString(), tree.toString());
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("bad compilation database", "entry 1").doesNotContain("Exception");
    assertThat(cli.requests).isEmpty();
  }

  @Test
  void changedSinceOutsideARepositoryIsAUsageError() {
    Outcome o = cli.run("scan", "--changed-since", "HEAD~1", tree.toString());
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err())
        .startsWith("mrcheck: --changed-since: ")
        .contains("not in a git repository");
    assertThat(o.err().lines().count()).isEqualTo(1);
    assertThat(cli.requests).isEmpty();
  }

  @Test
  void changedSinceReportsOnlyTheNewBugAndSaysHowManyWereLeftOut() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    GitRepoFixture git = GitRepoFixture.create(repo);
    Files.writeString(
        repo.resolve("hw/dev/win.c"), PciDeviceSource.of("win", PciDeviceSource.BUGGY));
    git.git("commit", "-q", "-a", "-m", "drop the del_subregion");

    // The real scanner, with MR002 only (the runner's catalogue is the test rules').
    cli.scanner(
        r ->
            new Scanner()
                .scan(
                    new ScanRequest(
                        r.paths(),
                        r.semantics(),
                        Set.of("MR002"),
                        r.modelFiles(),
                        r.frontendOptions(),
                        r.jobs(),
                        r.keepUnconfirmed(),
                        r.compilationDatabase())));
    Outcome o = cli.run("scan", "--changed-since", "base", repo.toString());

    assertThat(o.exit()).as(o.err()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(o.out().lines().filter(l -> l.contains(": error: ")))
        // Paths are relative to the enclosing git repository's root, as in SARIF.
        .singleElement()
        .asString()
        .startsWith("hw/dev/win.c:12:")
        .contains(": error: ");
    assertThat(o.err())
        .contains("mrcheck: 1 of 2 findings touch lines changed since base (1 changed file)");
  }

  @Test
  void bothOptionsAreInTheHelp() {
    assertThat(cli.run("scan", "--help").out())
        .contains("--compile-commands=FILE", "--changed-since=REV");
  }
}
