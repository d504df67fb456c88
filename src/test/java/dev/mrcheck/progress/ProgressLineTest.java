package dev.mrcheck.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void showsPhaseFilesAndElapsedTimeAndErasesItselfWhenClosed() {
    StringWriter out = new StringWriter();
    AtomicLong now = new AtomicLong(1_000);
    ProgressLine line = new ProgressLine(new PrintWriter(out), now::get);
    line.filesFound(40);
    line.phase("parsing");
    line.fileDone();
    line.fileDone();
    now.addAndGet(2_500);
    assertThat(line.text()).isEqualTo("mrcheck: parsing 2/40 files, 2.5 s");
    line.paint();
    line.phase("analysis");
    line.paint();
    line.close();
    line.paint();
    String drawn = out.toString();
    assertThat(drawn)
        .startsWith("\rmrcheck: parsing 2/40 files, 2.5 s")
        .contains("\rmrcheck: analysis, 2.5 s")
        .doesNotContain("\n")
        .endsWith("\r");
    String last =
        drawn.substring(drawn.lastIndexOf("\r", drawn.length() - 2) + 1, drawn.length() - 1);
    assertThat(last).as("the line is blanked on close").isBlank();
  }

  @Test
  void nothingIsDrawnWhenTheScanEndsBeforeTheDelay() {
    StringWriter out = new StringWriter();
    ProgressLine line = ProgressLine.start(new PrintWriter(out));
    line.phase("reading");
    line.close();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void testsDoNotRunOnATerminal() {
    assertThat(Terminal.stderrIsInteractive()).isFalse();
  }

  @Test
  void progressDependsOnStderrAloneSoARedirectedStdoutStillShowsIt() {
    // 'scan ... > out.txt' on a terminal: stdout is a file, stderr the terminal. Nothing about
    // stdout
    // or System.console() enters the decision.
    assertThat(Terminal.isInteractive("/dev/pts/3", "xterm-256color")).isTrue();
    assertThat(Terminal.isInteractive("/dev/tty2", null)).isTrue();
    assertThat(Terminal.isInteractive("/dev/pts/3", "dumb")).isFalse();
    assertThat(Terminal.isInteractive("/tmp/err.log", "xterm")).isFalse();
    assertThat(Terminal.isInteractive("pipe:[1234]", "xterm")).isFalse();
    assertThat(Terminal.isInteractive(null, "xterm")).isFalse();
  }
}
