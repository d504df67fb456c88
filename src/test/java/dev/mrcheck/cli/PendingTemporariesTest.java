package dev.mrcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrcheck.scan.ScanException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An interrupted report leaves the previous one intact and no {@code .NAME.n.tmp} beside it (issue
 * 15): the shutdown hook removes every temporary still being written, and a write that outlives the
 * start of shutdown never moves its half into place.
 */
class PendingTemporariesTest {
  private static final String OLD = "the previous report\n";

  @TempDir Path dir;

  @Test
  void shutdownDuringTheWriteRemovesTheTemporaryAndKeepsTheOldReport() throws IOException {
    Path target = Files.writeString(dir.resolve("report.txt"), OLD);
    PendingTemporaries temporaries = new PendingTemporaries();
    OutputFile out = new OutputFile(target, temporaries);

    assertThatThrownBy(
            () ->
                out.write(
                    w -> {
                      w.write("half");
                      assertThat(temporaries.pending())
                          .hasSize(1)
                          .allSatisfy(p -> assertThat(p).exists());
                      temporaries.shutdown(); // what the hook runs on SIGINT or SIGTERM
                    }))
        .isInstanceOf(ScanException.class)
        .hasMessage("cannot write " + target + ": interrupted");

    assertThat(Files.readString(target)).isEqualTo(OLD);
    assertThat(temporaries()).isEmpty();
    assertThat(temporaries.pending()).isEmpty();
  }

  @Test
  void aFinishedWriteLeavesNothingPending() throws Exception {
    Path target = dir.resolve("report.txt");
    PendingTemporaries temporaries = new PendingTemporaries();
    new OutputFile(target, temporaries).write(w -> w.write("new\n"));
    assertThat(Files.readString(target)).isEqualTo("new\n");
    assertThat(temporaries.pending()).isEmpty();
    assertThat(temporaries()).isEmpty();
  }

  /** The real thing: a JVM signalled while its report is half written. */
  @ParameterizedTest
  @ValueSource(strings = {"TERM", "INT"})
  void aSignalledProcessLeavesNoTemporary(String signal) throws Exception {
    Path target = Files.writeString(dir.resolve("report.sarif"), OLD);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // A shell without job control (CI) starts background jobs with SIGINT ignored, and a JVM
    // that inherits that never sees it: env (coreutils) gives the child the default disposition.
    Process p =
        new ProcessBuilder(
                "env",
                "--default-signal=INT",
                java,
                "-cp",
                System.getProperty("java.class.path"),
                InterruptibleWrite.class.getName(),
                target.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (BufferedReader stdout =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(stdout.readLine()).isEqualTo("writing"); // blocks until the write is under way
      assertThat(temporaries()).hasSize(1);

      Process kill =
          new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
      assertThat(kill.waitFor()).isZero();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the process ends on SIG" + signal).isTrue();
    } finally {
      p.destroyForcibly();
    }
    assertThat(p.exitValue()).isNotZero();
    assertThat(temporaries()).isEmpty();
    assertThat(Files.readString(target)).isEqualTo(OLD);
  }

  private List<Path> temporaries() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
