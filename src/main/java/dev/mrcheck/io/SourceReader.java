package dev.mrcheck.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads a source file, and only what can be one: a regular file (a link to {@code /dev/zero}, a
 * pipe or a device would be read for ever) no bigger than a limit (one 3 GB file must not take the
 * whole scan down with an OutOfMemoryError). A file that is not read is a {@link
 * SkippedFileException} saying why, which the caller reports as an input problem.
 */
public final class SourceReader {
  /**
   * 16 MiB: QEMU's largest C source (disas/nanomips.c) is 0.7 MB, its largest generated {@code
   * .c.inc} 3.3 MB; a source over this is almost surely data, and costs seconds to parse.
   */
  public static final long DEFAULT_MAX_BYTES = 16L << 20;

  /**
   * The largest limit a user may set; one Java array holds a little less, which is the real cap.
   */
  public static final long LARGEST_MAX_BYTES = 1L << 31;

  private static final long ARRAY_LIMIT = Integer.MAX_VALUE - 64;

  private SourceReader() {}

  public static byte[] readBytes(Path file, long maxBytes) throws IOException {
    long limit = Math.min(maxBytes, ARRAY_LIMIT);
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      if (Files.isSymbolicLink(file))
        throw new NoSuchFileException(file.toString(), null, "broken symbolic link");
      throw e;
    }
    if (attrs.isDirectory()) throw new SkippedFileException("skipped: it is a directory");
    if (!attrs.isRegularFile())
      throw new SkippedFileException("skipped: not a regular file (a device, pipe or socket)");
    if (attrs.size() > limit) throw tooBig(attrs.size(), limit);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) (limit + (limit < ARRAY_LIMIT ? 1 : 0)));
      if (bytes.length > limit) throw tooBig(bytes.length, limit); // it grew since
      return bytes;
    }
  }

  /** The text, invalid UTF-8 replaced (a Latin-1 comment must not lose the file). */
  public static String readText(Path file, long maxBytes) throws IOException {
    return decode(readBytes(file, maxBytes));
  }

  public static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder cannot fail", e);
    }
  }

  private static SkippedFileException tooBig(long size, long max) {
    return new SkippedFileException(
        "skipped: the file is "
            + size(size)
            + ", over the "
            + size(max)
            + " limit (--max-file-size)");
  }

  /** 1536 -> "1.5 KiB"; exact bytes below 1 KiB. */
  public static String size(long bytes) {
    if (bytes < 1024) return bytes + " bytes";
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    do {
      v /= 1024;
      u++;
    } while (v >= 1024 && u < units.length - 1);
    return String.format(Locale.ROOT, v == Math.rint(v) ? "%.0f %s" : "%.1f %s", v, units[u]);
  }

  /** "16M", "512k", "2g" or a number of bytes; null if not a size. */
  public static Long parseSize(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.endsWith("b")) t = t.substring(0, t.length() - 1);
    if (t.endsWith("i")) t = t.substring(0, t.length() - 1);
    long factor = 1;
    if (!t.isEmpty()) {
      switch (t.charAt(t.length() - 1)) {
        case 'k' -> factor = 1L << 10;
        case 'm' -> factor = 1L << 20;
        case 'g' -> factor = 1L << 30;
        default -> factor = 1;
      }
      if (factor != 1) t = t.substring(0, t.length() - 1);
    }
    if (!t.matches("[0-9]{1,12}")) return null;
    return Long.parseLong(t) * factor;
  }
}
