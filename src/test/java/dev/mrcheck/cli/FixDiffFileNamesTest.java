package dev.mrcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.cli.UntrustedNamesTest.CliRunnerReal;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fix --diff} names files as {@code git diff} does, so that {@code git apply} and {@code
 * patch -p1} both take names with spaces, quotes and non-ASCII characters (issue 15).
 */
class FixDiffFileNamesTest {
  private static final String SPACED = "vga win.c";
  private static final String QUOTED = "quo\"te \u00e9.c";

  @Test
  void headersAreWrittenAsGitWritesThemAndApply(@TempDir Path dir) throws Exception {
    Files.copy(Path.of("testdata/c/mr002_unparent_no_del_pci_exit.c"), dir.resolve(SPACED));
    Files.copy(Path.of("testdata/c/mr002_goto_fail_skips_del.c"), dir.resolve(QUOTED));
    CliRunnerReal.Run r = CliRunnerReal.run(dir, "fix", "--diff", "-j", "1", dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> headers =
        r.out().lines().filter(l -> l.startsWith("--- ") || l.startsWith("+++ ")).toList();
    assertThat(headers)
        .containsExactly(
            "--- \"a/quo\\\"te \\303\\251.c\"",
            "+++ \"b/quo\\\"te \\303\\251.c\"",
            "--- a/vga win.c\t",
            "+++ b/vga win.c\t");

    Path patch = Files.writeString(dir.resolve("fix.patch"), r.out());
    assertThat(exec(dir, "git", "apply", "--check", "-v", patch.toString())).isZero();
    if (onPath("patch")) {
      assertThat(exec(dir, "patch", "-p1", "--dry-run", "-i", patch.toString())).isZero();
    }
  }

  @Test
  void fixNeverRewritesAFileThatIsNotUtf8(@TempDir Path dir) throws Exception {
    String source = Files.readString(Path.of("testdata/c/mr002_unparent_no_del_pci_exit.c"));
    byte[] latin1 =
        source
            .replace("// BUG: MR002", "// BUG: MR002 (Fran\u00e7ois)")
            .getBytes(StandardCharsets.ISO_8859_1);
    Path file = Files.write(dir.resolve("dev.c"), latin1);
    CliRunnerReal.Run r = CliRunnerReal.run(dir, "fix", "-j", "1", dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readAllBytes(file))
        .as("the Latin-1 byte is not replaced by U+FFFD")
        .isEqualTo(latin1);
    assertThat(r.err()).contains("mrcheck: 0 fixes applied in 0 files");
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    return path != null
        && Stream.of(path.split(File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
  }

  private static int exec(Path dir, String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(new ArrayList<>(List.of(command)))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    if (exit != 0) System.err.println(String.join(" ", command) + ":\n" + out);
    return exit;
  }
}
