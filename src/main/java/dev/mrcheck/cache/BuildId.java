package dev.mrcheck.cache;

import dev.mrcheck.ToolInfo;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Which build of mrcheck is running, as far as its results go: the version, the Java version, and
 * the jar (its size and modification time) or, when run from compiled classes (tests, an IDE), the
 * newest class file. A rebuild, even at the same version, thus starts a fresh cache: what the code
 * computes may have changed, and the bundled models live in the jar.
 */
public final class BuildId {
  private static volatile String current;

  private BuildId() {}

  public static String current() {
    String id = current;
    if (id == null) {
      id = compute();
      current = id;
    }
    return id;
  }

  private static String compute() {
    Digest d =
        new Digest()
            .add(ToolInfo.version())
            .add(System.getProperty("java.version"))
            .add(System.getProperty("java.vendor"));
    try {
      Path code =
          Path.of(BuildId.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      d.add(code.toString());
      if (Files.isDirectory(code)) {
        long newest = 0;
        long count = 0;
        try (Stream<Path> files = Files.walk(code)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            newest = Math.max(newest, a.lastModifiedTime().toMillis());
            count++;
          }
        }
        d.add(newest).add(count);
      } else {
        BasicFileAttributes a = Files.readAttributes(code, BasicFileAttributes.class);
        d.add(a.size()).add(a.lastModifiedTime().toMillis());
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      // Unknown code location: a fresh key for every run, so nothing stale is ever reused.
      d.add(System.nanoTime());
    }
    return d.hex();
  }
}
