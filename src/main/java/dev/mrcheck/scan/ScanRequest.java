package dev.mrcheck.scan;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.io.SourceReader;
import dev.mrcheck.model.Semantics;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What to scan and how. {@code rules} empty means all rules. {@code modelFiles} are added to the
 * bundled API model. {@code jobs} is the number of parser and replay threads. {@code
 * keepUnconfirmed} keeps the findings whose witness the runtime model replayed without reproducing
 * the predicted outcome (they are marked unconfirmed); otherwise they are dropped. {@code
 * compilationDatabase}, when not null, decides which C files are analyzed and with which options
 * (see {@link BuildSelection}). {@code maxFileSize}: a source file bigger than this many bytes is
 * skipped as an input problem.
 */
public record ScanRequest(
    List<Path> paths,
    Semantics semantics,
    Set<String> rules,
    List<Path> modelFiles,
    FrontendOptions frontendOptions,
    int jobs,
    boolean keepUnconfirmed,
    CompilationDatabase compilationDatabase,
    long maxFileSize) {
  public ScanRequest {
    paths = List.copyOf(paths);
    rules = Set.copyOf(rules);
    modelFiles = List.copyOf(modelFiles);
  }

  public ScanRequest(
      List<Path> paths,
      Semantics semantics,
      Set<String> rules,
      List<Path> modelFiles,
      FrontendOptions frontendOptions,
      int jobs,
      boolean keepUnconfirmed,
      CompilationDatabase compilationDatabase) {
    this(
        paths,
        semantics,
        rules,
        modelFiles,
        frontendOptions,
        jobs,
        keepUnconfirmed,
        compilationDatabase,
        SourceReader.DEFAULT_MAX_BYTES);
  }

  public ScanRequest(
      List<Path> paths,
      Semantics semantics,
      Set<String> rules,
      List<Path> modelFiles,
      FrontendOptions frontendOptions,
      int jobs,
      boolean keepUnconfirmed) {
    this(paths, semantics, rules, modelFiles, frontendOptions, jobs, keepUnconfirmed, null);
  }

  /**
   * Every finding the rules make, each with its confirmation: library callers (and the golden
   * tests) see what the analysis found; {@code mrcheck scan} drops the unconfirmed ones unless
   * asked.
   */
  public ScanRequest(
      List<Path> paths,
      Semantics semantics,
      Set<String> rules,
      List<Path> modelFiles,
      FrontendOptions frontendOptions,
      int jobs) {
    this(paths, semantics, rules, modelFiles, frontendOptions, jobs, true);
  }

  public ScanRequest withSemantics(Semantics other) {
    return new ScanRequest(
        paths,
        other,
        rules,
        modelFiles,
        frontendOptions,
        jobs,
        keepUnconfirmed,
        compilationDatabase,
        maxFileSize);
  }

  public ScanRequest withCompilationDatabase(CompilationDatabase db) {
    return new ScanRequest(
        paths,
        semantics,
        rules,
        modelFiles,
        frontendOptions,
        jobs,
        keepUnconfirmed,
        db,
        maxFileSize);
  }

  public ScanRequest withMaxFileSize(long bytes) {
    return new ScanRequest(
        paths,
        semantics,
        rules,
        modelFiles,
        frontendOptions,
        jobs,
        keepUnconfirmed,
        compilationDatabase,
        bytes);
  }
}
