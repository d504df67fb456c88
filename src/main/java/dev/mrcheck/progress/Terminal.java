package dev.mrcheck.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a progress line may be drawn: it goes to stderr, so only stderr matters ({@code scan ...
 * > out.txt} on a terminal still shows it). Java 17 cannot ask about stderr directly ({@code
 * System.console()} needs stdin and stdout to be terminals, not stderr), so: {@code
 * /proc/self/fd/2} links to a terminal device ({@code /dev/pts/N}, {@code /dev/ttyN}; Linux only,
 * elsewhere no progress) and {@code TERM} is not {@code dumb}. A redirected stderr, a CI log or a
 * test therefore never sees a progress line.
 */
public final class Terminal {
  private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

  private Terminal() {}

  public static boolean stderrIsInteractive() {
    return isInteractive(stderrTarget(), System.getenv("TERM"));
  }

  /**
   * The decision itself, from what stderr links to (null: unknown) and {@code TERM}; whether stdin
   * or stdout are terminals plays no part.
   */
  static boolean isInteractive(String stderrTarget, String term) {
    if (stderrTarget == null || "dumb".equals(term)) return false;
    return stderrTarget.startsWith("/dev/pts/") || stderrTarget.startsWith("/dev/tty");
  }

  private static String stderrTarget() {
    try {
      return Files.readSymbolicLink(STDERR_LINK).toString();
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return null;
    }
  }
}
