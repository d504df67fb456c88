package dev.mrcheck.frontend.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import dev.mrcheck.io.SourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The pre-pass over all scanned Java sources: an index of their classes, and the source roots
 * (directories where package paths start) that the symbol solver needs. Unreadable or unparsable
 * files are skipped here; {@link JavaFrontend#parse} reports them when it gets to them.
 */
record SourceTree(SourceIndex index, List<Path> sourceRoots) {
  static final SourceTree EMPTY = new SourceTree(SourceIndex.EMPTY, List.of());

  /** What the pre-pass keeps of one file, valid while its modification time and size stay. */
  private record Summary(FileTime modified, long size, List<ClassInfo> classes, Path sourceRoot) {}

  /**
   * Summaries by absolute path, shared by every frontend of the process: each scan makes new
   * frontends, and re-parsing an unchanged tree for its index was most of the cost of scanning one
   * small file against many (the self-test's binding stubs, an editor's rescans).
   */
  private static final Map<Path, Summary> SUMMARIES = new ConcurrentHashMap<>();

  private static final int MAX_SUMMARIES = 50_000;

  static SourceTree scan(List<Path> scanRoots, JavaParser parser) {
    List<ClassInfo> classes = new ArrayList<>();
    Set<Path> sourceRoots = new LinkedHashSet<>();
    for (Path root : scanRoots) {
      for (Path file : javaFiles(root)) {
        Summary s = summary(file, parser);
        if (s == null) continue;
        classes.addAll(s.classes());
        if (s.sourceRoot() != null) sourceRoots.add(s.sourceRoot());
      }
    }
    return new SourceTree(SourceIndex.of(classes), List.copyOf(sourceRoots));
  }

  /**
   * The file's summary, from the cache while the file is unchanged; null when it cannot be read or
   * parsed.
   */
  private static Summary summary(Path file, JavaParser parser) {
    try {
      Path key = file.toAbsolutePath().normalize();
      BasicFileAttributes attrs = Files.readAttributes(key, BasicFileAttributes.class);
      Summary kept = SUMMARIES.get(key);
      if (kept != null
          && kept.modified().equals(attrs.lastModifiedTime())
          && kept.size() == attrs.size()) return kept;
      ParseResult<CompilationUnit> r =
          parser.parse(SourceReader.readText(key, SourceReader.DEFAULT_MAX_BYTES));
      if (r.getResult().isEmpty()) return null;
      CompilationUnit cu = r.getResult().get();
      Summary fresh =
          new Summary(
              attrs.lastModifiedTime(),
              attrs.size(),
              List.copyOf(ClassIndexer.classesOf(cu)),
              sourceRootOf(file, cu).orElse(null));
      if (SUMMARIES.size() >= MAX_SUMMARIES) SUMMARIES.clear();
      SUMMARIES.put(key, fresh);
      return fresh;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // Reported when the file itself is parsed; the index simply lacks its classes.
      return null;
    }
  }

  private static List<Path> javaFiles(Path root) {
    if (Files.isRegularFile(root))
      return root.toString().endsWith(".java") ? List.of(root) : List.of();
    if (!Files.isDirectory(root)) return List.of();
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
          .sorted()
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      return List.of();
    }
  }

  /** {@code src/dev/x/Foo.java} declaring {@code package dev.x;} has source root {@code src}. */
  private static java.util.Optional<Path> sourceRootOf(Path file, CompilationUnit cu) {
    Path dir = file.toAbsolutePath().getParent();
    String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    if (!pkg.isEmpty()) {
      for (String ignored : pkg.split("\\.")) {
        if (dir == null) return java.util.Optional.empty();
        dir = dir.getParent();
      }
      if (dir == null || !file.toAbsolutePath().getParent().endsWith(pkg.replace('.', '/'))) {
        return java.util.Optional.empty();
      }
    }
    return java.util.Optional.ofNullable(dir);
  }
}
