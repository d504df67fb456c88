package dev.mrcheck.scan;

import dev.mrcheck.frontend.Frontend;
import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.frontend.c.CFrontend;
import dev.mrcheck.frontend.java.JavaFrontend;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The frontends a scan uses, one per language, picked by file name. */
final class Frontends {
  private Frontends() {}

  static List<Frontend> create(FrontendOptions options, List<Path> scanPaths) {
    return create(options, Map.of(), scanPaths);
  }

  /**
   * {@code perFile}: per-unit C options from a compilation database (absolute normalized paths).
   * The scan's {@code -I} directories are the Java frontend's declaration roots as well.
   */
  static List<Frontend> create(
      FrontendOptions options, Map<Path, FrontendOptions> perFile, List<Path> scanPaths) {
    return List.of(
        new CFrontend(options, perFile), new JavaFrontend(scanPaths, options.includeDirs()));
  }

  static Frontend c(List<Frontend> frontends) {
    return frontends.stream().filter(f -> f instanceof CFrontend).findFirst().orElseThrow();
  }
}
