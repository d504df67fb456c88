package dev.mrcheck.scan;

import dev.mrcheck.analysis.Semantics;
import dev.mrcheck.frontend.FrontendOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What to scan and how. {@code rules} empty means all rules. {@code modelFiles} are added to
 * the bundled API model. {@code jobs} is the number of parser threads.
 */
public record ScanRequest(
    List<Path> paths, Semantics semantics, Set<String> rules, List<Path> modelFiles,
    FrontendOptions frontendOptions, int jobs) {
  public ScanRequest {
    paths = List.copyOf(paths);
    rules = Set.copyOf(rules);
    modelFiles = List.copyOf(modelFiles);
  }
}
