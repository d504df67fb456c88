package dev.mrcheck.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Finds the files to scan under the given paths: sources the frontends accept, skipping hidden
 * directories and build trees (meson, CMake, Maven output), in a stable order.
 */
final class SourceDiscovery {
  private static final List<String> BUILD_MARKERS = List.of("meson-private", "meson-info", "CMakeCache.txt",
      "maven-status", "build.ninja");

  private SourceDiscovery() {}

  /** The directory every reported path is relative to: the scanned directory, or the common ancestor. */
  static Path root(List<Path> paths) {
    Path root = null;
    for (Path p : paths) {
      Path dir = Files.isDirectory(p) ? p : p.getParent();
      if (dir == null) dir = Path.of("").toAbsolutePath();
      if (root == null) root = dir;
      else while (!dir.startsWith(root)) root = root.getParent();
    }
    return root;
  }

  static List<Path> find(List<Path> paths, Predicate<String> accepts) throws ScanException {
    TreeSet<Path> out = new TreeSet<>();
    for (Path p : paths) {
      if (!Files.exists(p)) throw new ScanException("no such file or directory: " + p);
      if (Files.isRegularFile(p)) {
        out.add(p);
        continue;
      }
      try {
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(p) && skip(dir)) return FileVisitResult.SKIP_SUBTREE;
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            // A dangling link is kept so that reading it reports the problem instead of skipping it silently.
            if ((attrs.isRegularFile() || attrs.isSymbolicLink()) && accepts.test(file.getFileName().toString())) {
              out.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) {
            // Unreadable entries are reported when read; a walk never stops for one.
            if (accepts.test(file.getFileName().toString())) out.add(file);
            return FileVisitResult.CONTINUE;
          }
        });
      } catch (IOException | UncheckedIOException e) {
        throw new ScanException("cannot read directory " + p + ": " + e.getMessage(), e);
      }
    }
    return new ArrayList<>(out);
  }

  private static boolean skip(Path dir) {
    String name = dir.getFileName().toString();
    if (name.startsWith(".") || name.equals("build") || name.startsWith("build-")) return true;
    for (String marker : BUILD_MARKERS) if (Files.exists(dir.resolve(marker))) return true;
    return false;
  }
}
