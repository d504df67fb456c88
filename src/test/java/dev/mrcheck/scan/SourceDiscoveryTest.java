package dev.mrcheck.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.model.Semantics;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which files a scan reads (issue 15): a symbolic link given as PATH is followed, links inside the
 * tree are not (no loops) and a linked file is scanned once, under the real file's name; a tree
 * with nothing to scan is an error, not "0 files"; a directory that cannot be listed is an input
 * problem, not a silent hole.
 */
class SourceDiscoveryTest {
  private static final String BUGGY = PciDeviceSource.of("win", PciDeviceSource.BUGGY);

  @TempDir Path tmp;

  private static ScanRequest request(Path... paths) {
    return new ScanRequest(
        List.of(paths), Semantics.CURRENT, Set.of(), List.of(), FrontendOptions.NONE, 2);
  }

  private Path tree() throws IOException {
    Path tree = Files.createDirectories(tmp.resolve("tree"));
    Files.writeString(tree.resolve("dev.c"), BUGGY);
    return tree;
  }

  @Test
  void aLinkedDirectoryGivenAsPathIsScannedAndNamedByTheLink() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("link"), tree());

    ScanResult r = new Scanner().scan(request(link));

    assertThat(r.stats().filesFound()).isEqualTo(1);
    assertThat(r.findings())
        .filteredOn(f -> f.ruleId().equals("MR002"))
        .extracting(f -> f.loc().file())
        .containsExactly("dev.c");
    assertThat(r.findings()).extracting(f -> f.loc().file()).containsOnly("dev.c");
  }

  @Test
  void aLinkedFileInTheTreeIsScannedOnceUnderTheRealFilesName() throws Exception {
    Path tree = tree();
    Files.createSymbolicLink(tree.resolve("alias.c"), tree.resolve("dev.c"));
    Files.createSymbolicLink(tree.resolve("a_first.c"), Path.of("dev.c"));

    ScanResult r = new Scanner().scan(request(tree));

    assertThat(r.stats().filesFound()).isEqualTo(1);
    assertThat(r.findings())
        .filteredOn(f -> f.ruleId().equals("MR002"))
        .extracting(f -> f.loc().file())
        .containsExactly("dev.c");
    assertThat(r.findings()).extracting(f -> f.loc().file()).containsOnly("dev.c");
  }

  @Test
  void theSameFileGivenTwiceIsReadOnce() throws Exception {
    Path tree = tree();
    List<Path> files =
        SourceDiscovery.find(
                List.of(tree.resolve("dev.c"), tree.resolve("./dev.c"), tree),
                name -> name.endsWith(".c"))
            .files();
    assertThat(files).hasSize(1);
  }

  @Test
  void aDirectoryLinkInsideTheTreeIsNotFollowed() throws Exception {
    Path tree = tree();
    Files.createSymbolicLink(tree.resolve("loop"), tree);
    Files.createSymbolicLink(tree.resolve("up"), tmp);

    assertThat(SourceDiscovery.find(List.of(tree), name -> name.endsWith(".c")).files())
        .containsExactly(tree.resolve("dev.c"));
  }

  @Test
  void aTreeWithoutSourcesIsNothingToScan() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("README.md"), "no code here\n");

    assertThatThrownBy(() -> new Scanner().scan(request(docs)))
        .isInstanceOf(ScanException.class)
        .hasMessage("nothing to scan in " + docs + " (no .c/.h/.java files)");
  }

  @Test
  void aCompilationDatabaseWhoseFilesAreAllGoneIsNothingToScan() throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("tree"));
    Path db =
        Files.writeString(
            tmp.resolve("compile_commands.json"),
            "[{\"directory\": \""
                + tree
                + "\", \"file\": \"gone.c\", \"arguments\": [\"cc\", \"-c\", \"gone.c\"]}]");
    ScanRequest request = request(tree).withCompilationDatabase(CompilationDatabase.load(db));

    assertThatThrownBy(() -> new Scanner().scan(request))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith(
            "nothing to scan in "
                + tree
                + " (no .java file, and no file that "
                + db
                + " lists is there; gone.c: listed in compile_commands.json but not found");
  }

  @Test
  void anUnreadableDirectoryIsAnInputProblemAndTheRestIsScanned() throws Exception {
    Path tree = tree();
    Path hidden = Files.createDirectories(tree.resolve("private"));
    Files.writeString(hidden.resolve("secret.c"), BUGGY.replace("win", "wim"));
    // Running as root, chmod 000 would not stop a listing: the lister refuses as the kernel would.
    SourceDiscovery.Lister refusing =
        dir -> {
          if (dir.equals(hidden)) throw new AccessDeniedException(dir.toString());
          return SourceDiscovery.DISK.list(dir);
        };

    ScanResult r = new Scanner(refusing).scan(request(tree));

    assertThat(r.findings()).extracting(f -> f.loc().file()).containsOnly("dev.c");
    assertThat(r.problems())
        .extracting(p -> p.loc().file() + ": " + p.message())
        .containsExactly(
            "private: cannot read directory: permission denied; the files in it are not scanned");
  }

  @Test
  void aTreeWhoseOnlyDirectoryIsUnreadableSaysWhy() throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("tree"));
    SourceDiscovery.Lister refusing =
        dir -> {
          throw new AccessDeniedException(dir.toString());
        };

    assertThatThrownBy(() -> new Scanner(refusing).scan(request(tree)))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("nothing to scan in " + tree)
        .hasMessageContaining("cannot read directory: permission denied");
  }

  @Test
  void aRelativeAndAnAbsolutePathAreScannedTogether() throws Exception {
    Path abs = tree();
    Path cwd = Path.of("").toAbsolutePath();
    Path relative = Path.of("testdata/c/mr001_ref_via_local_alias_no_unref.c");
    assertThat(cwd.resolve(relative)).exists();

    ScanResult result = new Scanner().scan(request(relative, abs.resolve("dev.c")));

    assertThat(result.findings()).isNotEmpty();
    Path root = SourceDiscovery.root(List.of(relative, abs.resolve("dev.c")));
    assertThat(cwd).startsWith(root);
    assertThat(abs).startsWith(root);
  }
}
