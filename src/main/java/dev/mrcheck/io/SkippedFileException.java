package dev.mrcheck.io;

import java.io.IOException;

/**
 * A file that is not read on purpose (not a regular file, over the size limit); the message says
 * why.
 */
public final class SkippedFileException extends IOException {
  public SkippedFileException(String reason) {
    super(reason);
  }
}
