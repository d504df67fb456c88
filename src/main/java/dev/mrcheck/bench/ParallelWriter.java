package dev.mrcheck.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Writes generated files on all cores and counts what it wrote; shared by the C and Java tree
 * generators.
 */
final class ParallelWriter {
  /** Lines and bytes written. */
  record Written(long lines, long bytes) {}

  private ParallelWriter() {}

  static <F> Written write(
      Path root, List<F> files, Function<F, String> path, Function<F, String> render)
      throws IOException {
    AtomicLong lines = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    try {
      files.parallelStream()
          .forEach(
              file -> {
                byte[] data = render.apply(file).getBytes(StandardCharsets.US_ASCII);
                try {
                  Files.write(root.resolve(path.apply(file)), data);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
                lines.addAndGet(countLines(data));
                bytes.addAndGet(data.length);
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new Written(lines.get(), bytes.get());
  }

  static long countLines(byte[] data) {
    long n = 0;
    for (byte b : data) if (b == '\n') n++;
    return n;
  }
}
