package dev.mrcheck.golden;

import dev.mrcheck.model.Semantics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The expectations of every C source and header under a golden root, in path order. */
public final class GoldenCorpus {
  private final List<FileExpectations> files;

  private GoldenCorpus(List<FileExpectations> files) {
    this.files = List.copyOf(files);
  }

  public static GoldenCorpus load(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> sources =
          walk.filter(Files::isRegularFile)
              .filter(
                  p ->
                      isCSource(p)
                          || p.getFileName().toString().endsWith(".h")
                          || p.getFileName().toString().endsWith(".java"))
              .sorted()
              .collect(Collectors.toList());
      List<FileExpectations> parsed = new java.util.ArrayList<>();
      for (Path p : sources) {
        parsed.add(
            ExpectationParser.parse(
                relative(root, p), Files.readString(p, StandardCharsets.UTF_8)));
      }
      return new GoldenCorpus(parsed);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read golden files under " + root, e);
    }
  }

  /** Scan-root-relative name with '/' separators, as {@code SourceLoc.file()} reports it. */
  static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }

  private static boolean isCSource(Path p) {
    return p.getFileName().toString().endsWith(".c");
  }

  public List<FileExpectations> files() {
    return files;
  }

  public long cSourceCount() {
    return files.stream().filter(f -> f.file().endsWith(".c")).count();
  }

  public List<Expectation> expectationsFor(Semantics semantics) {
    return files.stream()
        .flatMap(f -> f.bugs().stream())
        .filter(e -> e.appliesTo(semantics))
        .sorted()
        .collect(Collectors.toList());
  }

  public List<ProblemExpectation> problems() {
    return files.stream().flatMap(f -> f.problems().stream()).sorted().collect(Collectors.toList());
  }

  /**
   * The cases: each top-level file, and each top-level directory of files analyzed together, by
   * name relative to the root.
   */
  public List<String> cases() {
    return files.stream()
        .map(f -> f.file().contains("/") ? f.file().substring(0, f.file().indexOf('/')) : f.file())
        .distinct()
        .collect(Collectors.toList());
  }

  /** The files of {@code caseName} (see {@link #cases()}). */
  public List<FileExpectations> filesOf(String caseName) {
    return files.stream()
        .filter(f -> f.file().equals(caseName) || f.file().startsWith(caseName + "/"))
        .collect(Collectors.toList());
  }

  public List<String> positiveFiles(String ruleId) {
    return files.stream()
        .filter(f -> f.isPositiveFor(ruleId))
        .map(FileExpectations::file)
        .collect(Collectors.toList());
  }

  public List<String> negativeFiles(String ruleId) {
    return files.stream()
        .filter(f -> f.isNegativeFor(ruleId))
        .map(FileExpectations::file)
        .collect(Collectors.toList());
  }
}
