package dev.mrcheck.scan;

import dev.mrcheck.io.IoMessages;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Finds the files to scan under the given paths: sources the frontends accept, skipping hidden
 * directories and build trees (meson, CMake, Maven output), in a stable order.
 *
 * <p>Symbolic links as {@code find -H} treats them: a path given on the command line is followed (a
 * linked directory is walked), a link met inside the tree is not (so no walk can loop); a linked
 * file inside the tree is kept by its name, unless the file it points to is found too, then it is
 * scanned once, under the real file's name. A directory that cannot be listed is an input problem,
 * not a silent hole in the scan.
 */
final class SourceDiscovery {
  private static final List<String> BUILD_MARKERS =
      List.of("meson-private", "meson-info", "CMakeCache.txt", "maven-status", "build.ninja");

  /**
   * Lists a directory. Tests replace it: as root, no permission bit makes a directory unreadable.
   */
  @FunctionalInterface
  interface Lister {
    List<Path> list(Path dir) throws IOException;
  }

  static final Lister DISK =
      dir -> {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
          entries.forEach(out::add);
        } catch (DirectoryIteratorException e) { // the listing failed half way
          throw e.getCause();
        }
        return out;
      };

  /** The files to read, and the directories that could not be listed with the reason. */
  record Found(List<Path> files, Map<Path, String> unreadableDirs) {}

  private SourceDiscovery() {}

  /**
   * The directory every reported path is relative to: the scanned directory, or the common
   * ancestor.
   */
  static Path root(List<Path> paths) {
    Path root = null;
    for (Path p : paths) {
      // Absolute first: a relative and an absolute path (testdata/x.c /tmp/y.c) share no prefix
      // as written, only as the directories they name.
      Path file = p.toAbsolutePath().normalize();
      Path dir = Files.isDirectory(file) ? file : file.getParent();
      if (dir == null) dir = file.getRoot();
      if (root == null) root = dir;
      else while (root != null && !dir.startsWith(root)) root = root.getParent();
      // Different file-system roots (C:\ and D:\): no common ancestor; the first root stands.
      if (root == null) root = dir.getRoot();
    }
    return root;
  }

  static Found find(List<Path> paths, Predicate<String> accepts) throws ScanException {
    return find(paths, accepts, DISK);
  }

  static Found find(List<Path> paths, Predicate<String> accepts, Lister lister)
      throws ScanException {
    TreeSet<Path> out = new TreeSet<>();
    Map<Path, String> unreadable = new TreeMap<>();
    for (Path p : paths) {
      if (!Files.exists(p)) throw new ScanException("no such file or directory: " + p);
      if (Files.isDirectory(p))
        walk(p, accepts, lister, out, unreadable); // follows a link given by the user
      else out.add(p);
    }
    return new Found(onePerRealFile(out), unreadable);
  }

  private static void walk(
      Path dir,
      Predicate<String> accepts,
      Lister lister,
      TreeSet<Path> out,
      Map<Path, String> unreadable) {
    List<Path> entries;
    try {
      entries = lister.list(dir);
    } catch (IOException e) {
      unreadable.put(dir, IoMessages.reason(e));
      return;
    }
    for (Path entry : entries) {
      boolean wanted = accepts.test(entry.getFileName().toString());
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        if (wanted) out.add(entry); // reading it reports the problem
        continue;
      }
      if (attrs.isDirectory()) {
        if (!skip(entry)) walk(entry, accepts, lister, out, unreadable);
      } else if (wanted) {
        // Links (even dangling ones) and devices too: reading says why one is not scanned.
        out.add(entry);
      }
    }
  }

  /** One path per file on disk: the real file's own name over a link's, else the first in order. */
  private static List<Path> onePerRealFile(TreeSet<Path> found) {
    Map<Path, Path> byReal = new LinkedHashMap<>();
    for (Path f : found) {
      Path real;
      try {
        real = f.toRealPath();
      } catch (IOException e) {
        real = f.toAbsolutePath().normalize(); // dangling: kept, reading reports it
      }
      Path kept = byReal.get(real);
      if (kept == null || Files.isSymbolicLink(kept) && !Files.isSymbolicLink(f))
        byReal.put(real, f);
    }
    return new ArrayList<>(new TreeSet<>(byReal.values()));
  }

  private static boolean skip(Path dir) {
    String name = dir.getFileName().toString();
    if (name.startsWith(".") || name.equals("build") || name.startsWith("build-")) return true;
    for (String marker : BUILD_MARKERS) if (Files.exists(dir.resolve(marker))) return true;
    return false;
  }
}
