package dev.mrcheck.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What went wrong with a file, in the user's words. NIO exceptions carry the path as their whole
 * message ({@code NoSuchFileException: ./link.c}) and decoders say {@code Input length = 1}; every
 * message about a file the user gave goes through here instead.
 */
public final class IoMessages {
  private IoMessages() {}

  /** "cannot read link.c: no such file", naming the file as the user gave it. */
  public static String cannot(String verb, Path userPath, IOException e) {
    return "cannot " + verb + " " + userPath + ": " + reason(e);
  }

  /** The reason alone: "no such file", "permission denied", "not valid UTF-8". */
  public static String reason(IOException e) {
    if (e instanceof SkippedFileException s) return s.getMessage();
    if (e instanceof NoSuchFileException f)
      return "no such file" + (f.getReason() == null ? "" : " (" + f.getReason() + ")");
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof NotDirectoryException) return "not a directory";
    if (e instanceof DirectoryNotEmptyException) return "directory not empty";
    if (e instanceof FileSystemLoopException) return "symbolic link loop";
    if (e instanceof CharacterCodingException) return "not valid UTF-8";
    if (e instanceof FileSystemException f && f.getReason() != null)
      return f.getReason().toLowerCase(Locale.ROOT);
    if (e instanceof FileSystemException) return "cannot access the file";
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /** For a top-level failure whose file is only known to the exception: "FILE: reason". */
  public static String describe(IOException e) {
    if (e instanceof FileSystemException f
        && f.getFile() != null
        && !(e instanceof SkippedFileException)) {
      return f.getFile() + ": " + reason(e);
    }
    return reason(e);
  }
}
