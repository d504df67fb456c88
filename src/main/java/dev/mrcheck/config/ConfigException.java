package dev.mrcheck.config;

import dev.mrcheck.scan.ScanException;
import java.nio.file.Path;

/**
 * A bad {@code .mrcheck.yaml}; the message starts with {@code file:line:} like a compiler's, or
 * names the file when the whole file is at fault. The file and line are also kept apart ({@code
 * line} 1 for the whole file), so the language server can put the error on the line.
 */
public final class ConfigException extends ScanException {
  private final transient Path file;
  private final int line;
  private final String detail;

  public ConfigException(Path file, int line, String detail) {
    super(file + ":" + line + ": " + detail);
    this.file = file;
    this.line = line;
    this.detail = detail;
  }

  /**
   * A problem with the whole file (unreadable, not UTF-8): {@code message} as it is, placed on line
   * 1.
   */
  public ConfigException(Path file, String message) {
    super(message);
    this.file = file;
    this.line = 1;
    this.detail = message;
  }

  public Path file() {
    return file;
  }

  public int line() {
    return line;
  }

  /** The message without the {@code file:line:} prefix. */
  public String detail() {
    return detail;
  }
}
