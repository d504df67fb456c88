package dev.mrcheck.frontend.c;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The built-in macro prelude (resource {@code prelude.h}): definitions for QEMU and GLib macros
 * that CDT would otherwise misparse, often losing the function that follows them. It is
 * force-included under a path that cannot clash with a real file, so its lines never shift the
 * scanned file's line numbers.
 */
final class Prelude {
  static final String PATH = "/mrcheck-builtin/prelude.h";

  private static final String TEXT = load();

  private Prelude() {}

  static String text() {
    return TEXT;
  }

  private static String load() {
    try (InputStream in = Prelude.class.getResourceAsStream("prelude.h")) {
      if (in == null) throw new IllegalStateException("prelude.h missing from the classpath");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
