package dev.mrcheck.frontend.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The pre-pass over all scanned Java sources: an index of their classes, and the source roots
 * (directories where package paths start) that the symbol solver needs. Unreadable or unparsable
 * files are skipped here; {@link JavaFrontend#parse} reports them when it gets to them.
 */
record SourceTree(SourceIndex index, List<Path> sourceRoots) {
  static final SourceTree EMPTY = new SourceTree(SourceIndex.EMPTY, List.of());

  static SourceTree scan(List<Path> scanRoots, JavaParser parser) {
    List<ClassInfo> classes = new ArrayList<>();
    Set<Path> sourceRoots = new LinkedHashSet<>();
    for (Path root : scanRoots) {
      for (Path file : javaFiles(root)) {
        try {
          ParseResult<CompilationUnit> r = parser.parse(Files.readString(file));
          if (r.getResult().isEmpty()) continue;
          CompilationUnit cu = r.getResult().get();
          classes.addAll(ClassIndexer.classesOf(cu));
          sourceRootOf(file, cu).ifPresent(sourceRoots::add);
        } catch (IOException | RuntimeException | StackOverflowError e) {
          // Reported when the file itself is parsed; the index simply lacks its classes.
        }
      }
    }
    return new SourceTree(SourceIndex.of(classes), List.copyOf(sourceRoots));
  }

  private static List<Path> javaFiles(Path root) {
    if (Files.isRegularFile(root)) return root.toString().endsWith(".java") ? List.of(root) : List.of();
    if (!Files.isDirectory(root)) return List.of();
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
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
