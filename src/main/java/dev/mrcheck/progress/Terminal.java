package dev.mrcheck.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a progress line may be drawn. Java 17 cannot ask about stderr directly, so: {@code
 * System.console() != null} (the JVM has a terminal: stdin and stdout are both TTYs), and
 * {@code /proc/self/fd/2} links to a terminal device ({@code /dev/pts/N}, {@code /dev/ttyN}; Linux
 * only, elsewhere no progress), and {@code TERM} is not {@code dumb}. A redirected stderr, a CI log
 * or a test therefore never sees a progress line.
 */
public final class Terminal {
  private Terminal() {}

  public static boolean stderrIsInteractive() {
    return System.console() != null && stderrIsTty() && !"dumb".equals(System.getenv("TERM"));
  }

  private static boolean stderrIsTty() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
