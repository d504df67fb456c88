package dev.mrcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ToolInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-level scripts: present, executable, and naming the jar the pom builds. */
class LauncherTest {
  @Test
  void launcherIsExecutableAndRunsTheJarOfThisVersion() throws IOException {
    Path launcher = Path.of("mrcheck");
    assertThat(Files.isExecutable(launcher)).isTrue();
    Matcher m = Pattern.compile("(?m)^VERSION=(\\S+)").matcher(Files.readString(launcher));
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).isEqualTo(ToolInfo.version());
    assertThat(Files.readString(launcher)).contains("dev.mrcheck.cli.Main");
  }

  @Test
  void ciScriptIsExecutable() {
    assertThat(Files.isExecutable(Path.of(".ci/run"))).isTrue();
  }

  /**
   * A copy of the launcher over a built-looking target/ (an empty jar, this JVM's class path), so
   * it runs without building; with no class data archive, then with a corrupt one, it still runs
   * and prints nothing but the tool's own output.
   */
  @Test
  void launcherRunsWithoutTheClassDataArchiveAndWithACorruptOne(@TempDir Path repo)
      throws Exception {
    Path launcher = Files.copy(Path.of("mrcheck"), repo.resolve("mrcheck"));
    assertThat(launcher.toFile().setExecutable(true)).isTrue();
    Files.writeString(repo.resolve("pom.xml"), "<project/>\n");
    Files.setLastModifiedTime(repo.resolve("pom.xml"), FileTime.fromMillis(86_400_000L));
    Path target = Files.createDirectories(repo.resolve("target"));
    try (JarOutputStream jar =
        new JarOutputStream(
            Files.newOutputStream(target.resolve("mrcheck-" + ToolInfo.version() + ".jar")))) {
      // empty: the classes come from the class path file
    }
    Files.writeString(
        target.resolve("runtime-classpath.txt"), System.getProperty("java.class.path"));

    assertRunsCleanly(launcher);

    byte[] garbage = new byte[64 * 1024];
    new java.util.Random(7).nextBytes(garbage);
    Files.write(target.resolve("mrcheck.jsa"), garbage);
    Files.setLastModifiedTime(
        target.resolve("mrcheck.jsa"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    assertRunsCleanly(launcher);
  }

  private static void assertRunsCleanly(Path launcher) throws Exception {
    Process p =
        new ProcessBuilder(List.of("bash", launcher.toString(), "--version"))
            .redirectErrorStream(false)
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes());
    String err = new String(p.getErrorStream().readAllBytes());
    assertThat(p.exitValue()).as(err).isZero();
    assertThat(out).startsWith("mrcheck " + ToolInfo.version()).doesNotContain("cds", "warning");
    assertThat(err).doesNotContain("building", "cds", "warning");
  }
}
