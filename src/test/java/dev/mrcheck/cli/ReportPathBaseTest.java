package dev.mrcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mrcheck.changes.GitRepoFixture;
import dev.mrcheck.cli.CliRunner.Outcome;
import dev.mrcheck.report.SourceRoot;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.Scanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every report's paths share one base, the enclosing git repository's root, so GitHub code scanning
 * maps SARIF results to the repository's files even when a subdirectory is scanned (issue 15).
 */
class ReportPathBaseTest {
  @TempDir Path tmp;

  @Test
  void scanningASubdirectoryOfARepositoryGivesRepositoryRelativePathsInEveryFormat()
      throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("qemu"));
    GitRepoFixture.create(repo); // hw/dev/old.c has an MR002 finding at line 12
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    CliRunner cli =
        new CliRunner(elsewhere)
            .scanner(
                r ->
                    new Scanner()
                        .scan(
                            new ScanRequest(
                                r.paths(),
                                r.semantics(),
                                Set.of("MR002"),
                                r.modelFiles(),
                                r.frontendOptions(),
                                1,
                                r.keepUnconfirmed(),
                                r.compilationDatabase())));
    String hw = repo.resolve("hw").toString();

    JsonNode sarif =
        new ObjectMapper().readTree(cli.run("scan", "--format", "sarif", hw).out()).at("/runs/0");
    assertThat(sarif.at("/originalUriBaseIds/%SRCROOT%/uri").asText())
        .isEqualTo(repo.toUri().toString());
    assertThat(sarif.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("hw/dev/old.c");

    JsonNode json = new ObjectMapper().readTree(cli.run("scan", "--format", "json", hw).out());
    assertThat(json.get("root").asText()).isEqualTo(repo.toString());
    assertThat(json.at("/findings/0/file").asText()).isEqualTo("hw/dev/old.c");

    Outcome text = cli.run("scan", hw);
    assertThat(text.out()).startsWith("hw/dev/old.c:12:");

    Path html = tmp.resolve("r.html");
    cli.run("scan", "--format", "html", "-o", html.toString(), hw);
    assertThat(Files.readString(html)).contains("<span class=\"loc\">hw/dev/old.c:12:");
  }

  @Test
  void withoutARepositoryTheBaseIsTheWorkingDirectoryOrElseTheScanRoot() throws Exception {
    Path cwd = Files.createDirectories(tmp.resolve("work"));
    Path inside = Files.createDirectories(cwd.resolve("src/hw"));
    assertThat(SourceRoot.enclosing(inside, cwd)).isEqualTo(new SourceRoot(cwd, "src/hw/"));
    assertThat(SourceRoot.enclosing(cwd, cwd)).isEqualTo(new SourceRoot(cwd, ""));
    Path outside = Files.createDirectories(tmp.resolve("other/hw"));
    assertThat(SourceRoot.enclosing(outside, cwd)).isEqualTo(new SourceRoot(outside, ""));
    Files.writeString(
        tmp.resolve("other/.git"), "gitdir: /somewhere/else\n"); // a worktree's .git file
    assertThat(SourceRoot.enclosing(outside, cwd))
        .isEqualTo(new SourceRoot(tmp.resolve("other"), "hw/"));
  }
}
