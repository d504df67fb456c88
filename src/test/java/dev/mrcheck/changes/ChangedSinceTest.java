package dev.mrcheck.changes;

import static dev.mrcheck.scan.PciDeviceSource.BUGGY;
import static dev.mrcheck.scan.PciDeviceSource.CLEAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.scan.PciDeviceSource;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diff mode on a repository made here ({@link GitRepoFixture}): a clean device and an old buggy one
 * are committed and tagged {@code base}; later changes add bugs. Only the findings that touch a
 * change since {@code base} are kept, while the whole tree is still analyzed. MR002 is the one rule
 * run.
 */
class ChangedSinceTest {
  @TempDir Path repo;

  private GitRepoFixture git;

  @BeforeEach
  void base() throws Exception {
    git = GitRepoFixture.create(repo);
  }

  @Test
  void aBugAddedByACommitIsTheOnlyFinding() throws Exception {
    Files.writeString(repo.resolve("hw/dev/win.c"), PciDeviceSource.of("win", BUGGY));
    git.git("commit", "-q", "-a", "-m", "drop the del_subregion");

    ScanResult all = scan(repo);
    assertThat(findings(all)).containsExactly("hw/dev/old.c:12", "hw/dev/win.c:12");
    assertThat(findings(GitChanges.since("base", repo).keepTouched(all)))
        .containsExactly("hw/dev/win.c:12");
    assertThat(findings(GitChanges.since("HEAD", repo).keepTouched(all))).isEmpty();
  }

  @Test
  void uncommittedAndUntrackedChangesCount() throws Exception {
    Files.writeString(repo.resolve("hw/dev/win.c"), PciDeviceSource.of("win", BUGGY));
    Files.writeString(repo.resolve("hw/dev/new.c"), PciDeviceSource.of("neu", BUGGY));
    assertThat(findings(GitChanges.since("base", repo).keepTouched(scan(repo))))
        .containsExactly("hw/dev/new.c:12", "hw/dev/win.c:12");
  }

  @Test
  void aChangeOnlyInTheTraceCounts() throws Exception {
    // The unparent line of old.c is unchanged; its trace goes through the mapping in realize.
    Files.writeString(
        repo.resolve("hw/dev/old.c"),
        PciDeviceSource.of("old", BUGGY).replace("0x1000, &s->old", "0x2000, &s->old"));
    assertThat(findings(GitChanges.since("base", repo).keepTouched(scan(repo))))
        .containsExactly("hw/dev/old.c:12");
  }

  @Test
  void aChangeInTheFindingsFunctionCountsOneInAnotherFunctionDoesNot() throws Exception {
    // Commenting out the del_subregion changes line 12; the unparent it exposes is on line 13.
    Files.writeString(
        repo.resolve("hw/dev/win.c"),
        PciDeviceSource.of("win", CLEAN.replace("memory_region_del", "// memory_region_del")));
    // old.c's bug is old: its class_init changes, which is neither its exit nor on its trace.
    Files.writeString(
        repo.resolve("hw/dev/old.c"),
        PciDeviceSource.of("old", BUGGY)
            .replace("k->exit = old_exit;", "k->exit = old_exit;\n    k->romfile = NULL;"));
    ScanResult all = scan(repo);
    assertThat(findings(all)).containsExactly("hw/dev/old.c:12", "hw/dev/win.c:13");
    assertThat(findings(GitChanges.since("base", repo).keepTouched(all)))
        .containsExactly("hw/dev/win.c:13");
  }

  @Test
  void aRenamedFileIsKnownByItsNewNameAndScanningASubdirectoryWorks() throws Exception {
    git.git("mv", "hw/dev/win.c", "hw/dev/window.c");
    Files.writeString(repo.resolve("hw/dev/window.c"), PciDeviceSource.of("win", BUGGY));
    git.git("commit", "-q", "-a", "-m", "rename and break");
    Path sub = repo.resolve("hw/dev");
    assertThat(findings(GitChanges.since("base", sub).keepTouched(scan(sub))))
        .containsExactly("window.c:12");
  }

  @Test
  void errorsAreOneClearLine(@TempDir Path notARepo) throws Exception {
    assertThatThrownBy(() -> GitChanges.since("base", notARepo))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("is not in a git repository");
    assertThatThrownBy(() -> GitChanges.since("no-such-rev", repo))
        .isInstanceOf(ScanException.class)
        .hasMessage("--changed-since: unknown revision 'no-such-rev' in " + repo.toRealPath());
    assertThatThrownBy(() -> GitChanges.since("--output=x", repo))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("bad revision");
  }

  @Test
  void theRepositoryIsNotWritten() throws Exception {
    Files.writeString(repo.resolve("hw/dev/win.c"), PciDeviceSource.of("win", BUGGY));
    List<String> before = listing(repo);
    GitChanges.since("base", repo);
    assertThat(listing(repo)).isEqualTo(before);
  }

  private static List<String> listing(Path root) throws IOException {
    try (var s = Files.walk(root)) {
      return s.map(p -> p + ":" + p.toFile().length() + ":" + p.toFile().lastModified())
          .sorted()
          .toList();
    }
  }

  private static ScanResult scan(Path path) throws ScanException {
    return new Scanner()
        .scan(
            new ScanRequest(
                List.of(path),
                Semantics.CURRENT,
                Set.of("MR002"),
                List.of(),
                FrontendOptions.NONE,
                2));
  }

  private static List<String> findings(ScanResult r) {
    return r.findings().stream().map(f -> f.loc().file() + ":" + f.loc().line()).toList();
  }
}
