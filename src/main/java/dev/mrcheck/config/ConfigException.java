package dev.mrcheck.config;

import dev.mrcheck.scan.ScanException;

/** A bad {@code .mrcheck.yaml}; the message starts with {@code file:line:} like a compiler's. */
public final class ConfigException extends ScanException {
  public ConfigException(String message) {
    super(message);
  }
}
