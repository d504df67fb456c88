package dev.mrcheck.scan;

import dev.mrcheck.frontend.Frontend;
import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.frontend.c.CFrontend;
import dev.mrcheck.frontend.java.JavaFrontend;
import java.nio.file.Path;
import java.util.List;

/** The frontends a scan uses, one per language, picked by file name. */
final class Frontends {
  private Frontends() {}

  static List<Frontend> create(FrontendOptions options, List<Path> scanPaths) {
    return List.of(new CFrontend(options), new JavaFrontend(scanPaths));
  }
}
