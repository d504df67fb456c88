package dev.mrcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The temporary files {@link OutputFile} is writing, removed if the JVM shuts down (Ctrl-C,
 * SIGTERM, System.exit) before they are moved into place: an interrupted report must leave the
 * previous one as it was and no {@code .NAME.123.tmp} beside it.
 *
 * <p>One lock orders creation, the move into place and the shutdown: once shutdown has begun, no
 * temporary is created or moved, so the hook never misses one and never deletes a finished report.
 */
final class PendingTemporaries {
  static final PendingTemporaries JVM = new PendingTemporaries();

  private final Set<Path> pending = new LinkedHashSet<>();
  private boolean shuttingDown;
  private boolean hooked;

  @FunctionalInterface
  interface IoAction {
    void run() throws IOException;
  }

  /** Registers {@code tmp}, then runs {@code create}; refuses once shutdown has begun. */
  synchronized void create(Path tmp, IoAction create) throws IOException {
    checkRunning();
    if (this == JVM && !hooked) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(this::shutdown, "mrcheck-remove-temporaries"));
      hooked = true;
    }
    pending.add(tmp);
    create.run();
  }

  /** Moves {@code tmp} into place and forgets it; refuses once shutdown has begun. */
  synchronized void commit(Path tmp, IoAction move) throws IOException {
    checkRunning();
    move.run();
    pending.remove(tmp);
  }

  /** Forgets {@code tmp} after the writer deleted it. */
  synchronized void forget(Path tmp) {
    pending.remove(tmp);
  }

  /** What the shutdown hook runs: delete every temporary still pending. */
  synchronized void shutdown() {
    shuttingDown = true;
    for (Path p : pending) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException | RuntimeException e) {
        // The JVM is going away; nothing better can be done with it.
      }
    }
    pending.clear();
  }

  /**
   * True once shutdown has begun: whatever a write then fails with, the cause is the interruption.
   */
  synchronized boolean shuttingDown() {
    return shuttingDown;
  }

  synchronized Set<Path> pending() {
    return Set.copyOf(pending);
  }

  private void checkRunning() throws IOException {
    if (shuttingDown) throw new IOException("interrupted");
  }
}
