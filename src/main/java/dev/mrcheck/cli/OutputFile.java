package dev.mrcheck.cli;

import dev.mrcheck.scan.ScanException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The {@code --output} file. Checked before the scan (a long scan should not end in "cannot
 * write"), then written to a temporary file beside it and moved into place, so a reader never
 * sees half a report and a failed run leaves the previous report intact.
 */
final class OutputFile {
  private static final Set<PosixFilePermission> DEFAULT_PERMISSIONS =
      PosixFilePermissions.fromString("rw-r--r--");

  private final Path target;

  OutputFile(Path target) {
    this.target = target.toAbsolutePath().normalize();
  }

  @FunctionalInterface
  interface Body {
    void writeTo(Writer out) throws IOException;
  }

  /** Fails with a one-line reason if the file could not be created or replaced. */
  void checkWritable() throws ScanException {
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new ScanException("cannot write " + target + ": directory " + dir + " does not exist");
    }
    if (Files.isDirectory(target)) {
      throw new ScanException("cannot write " + target + ": it is a directory");
    }
    if (!Files.isWritable(dir)) {
      throw new ScanException("cannot write " + target + ": directory " + dir + " is not writable");
    }
    if (Files.exists(target) && !Files.isWritable(target)) {
      throw new ScanException("cannot write " + target + ": file is not writable");
    }
  }

  void write(Body body) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
    try {
      try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        body.writeTo(out);
      }
      copyPermissions(tmp);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Temp files are created owner-only; the report should look like any other file. */
  private void copyPermissions(Path tmp) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
    if (view == null) return;
    Set<PosixFilePermission> perms = Files.exists(target)
        ? Files.getPosixFilePermissions(target)
        : DEFAULT_PERMISSIONS;
    view.setPermissions(perms);
  }
}
