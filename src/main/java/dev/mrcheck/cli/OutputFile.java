package dev.mrcheck.cli;

import dev.mrcheck.io.IoMessages;
import dev.mrcheck.scan.ScanException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The {@code --output} file. Checked before the scan (a long scan should not end in "cannot
 * write"), then written to a temporary file beside it and moved into place, so a reader never sees
 * half a report and a failed or interrupted run leaves the previous report intact (the temporary is
 * removed even on Ctrl-C: {@link PendingTemporaries}). Messages name the file as the user gave it,
 * never the temporary.
 */
final class OutputFile {
  private static final Set<PosixFilePermission> DEFAULT_PERMISSIONS =
      PosixFilePermissions.fromString("rw-r--r--");
  private static final Set<PosixFilePermission> PRIVATE =
      PosixFilePermissions.fromString("rw-------");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path given;
  private final Path target;
  private final PendingTemporaries temporaries;

  OutputFile(Path target) {
    this(target, PendingTemporaries.JVM);
  }

  OutputFile(Path target, PendingTemporaries temporaries) {
    this.given = target;
    this.target = target.toAbsolutePath().normalize();
    this.temporaries = temporaries;
  }

  @FunctionalInterface
  interface Body {
    void writeTo(Writer out) throws IOException;
  }

  /** The path as the user gave it. */
  Path given() {
    return given;
  }

  /** Fails with a one-line reason if the file could not be created or replaced. */
  void checkWritable() throws ScanException {
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new ScanException("cannot write " + given + ": directory " + dir + " does not exist");
    }
    if (Files.isDirectory(target)) {
      throw new ScanException("cannot write " + given + ": it is a directory");
    }
    if (!Files.isWritable(dir)) {
      throw new ScanException("cannot write " + given + ": directory " + dir + " is not writable");
    }
    if (Files.exists(target) && !Files.isWritable(target)) {
      throw new ScanException("cannot write " + given + ": file is not writable");
    }
    // As root every permission check passes, yet /proc or a read-only mount still refuse: try it.
    Path probe = temporary();
    try {
      temporaries.create(probe, () -> createPrivate(probe));
    } catch (IOException e) {
      throw new ScanException(cannotCreateIn(dir, e), e);
    } finally {
      deleteQuietly(probe);
    }
  }

  void write(Body body) throws ScanException {
    Path tmp = temporary();
    try {
      temporaries.create(tmp, () -> createPrivate(tmp));
    } catch (IOException e) {
      throw new ScanException(cannotCreateIn(target.getParent(), e), e);
    }
    try {
      // WRITE without CREATE: a temporary the shutdown hook removed is not made again.
      try (Writer out =
          Files.newBufferedWriter(
              tmp,
              StandardCharsets.UTF_8,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        body.writeTo(out);
      }
      copyPermissions(tmp);
      temporaries.commit(tmp, () -> moveIntoPlace(tmp));
    } catch (IOException e) {
      if (temporaries.shuttingDown())
        throw new ScanException("cannot write " + given + ": interrupted", e);
      throw new ScanException(IoMessages.cannot("write", given, e), e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /** Beside the target, so the move into place is a rename on one file system. */
  private Path temporary() {
    return target.resolveSibling(
        "." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong()) + ".tmp");
  }

  private String cannotCreateIn(Path dir, IOException e) {
    return "cannot write "
        + given
        + ": cannot create a file in "
        + dir
        + " ("
        + IoMessages.reason(e)
        + ")";
  }

  private void deleteQuietly(Path tmp) {
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      // Only the probe's name is lost; the check's own outcome stands.
    }
    temporaries.forget(tmp);
  }

  private static void createPrivate(Path tmp) throws IOException {
    if (Files.getFileAttributeView(tmp.getParent(), PosixFileAttributeView.class) == null) {
      Files.createFile(tmp);
    } else {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PRIVATE));
    }
  }

  private void moveIntoPlace(Path tmp) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Temp files are created owner-only; the report should look like any other file. */
  private void copyPermissions(Path tmp) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
    if (view == null) return;
    Set<PosixFilePermission> perms =
        Files.exists(target) ? Files.getPosixFilePermissions(target) : DEFAULT_PERMISSIONS;
    view.setPermissions(perms);
  }
}
