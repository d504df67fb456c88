package dev.mrcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ToolInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

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
}
