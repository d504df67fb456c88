package dev.mrcheck.analysis;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.frontend.SourceFile;
import dev.mrcheck.frontend.c.CFrontend;
import dev.mrcheck.ir.TranslationUnit;
import dev.mrcheck.model.ApiModel;
import dev.mrcheck.model.ModelLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds a program from C snippets named like files, for analysis tests. */
final class AnalysisFixture {
  static final ApiModel MODEL = ModelLoader.bundled();

  private AnalysisFixture() {}

  /** {@code files} alternates file names and their text. */
  static Program program(String... files) {
    CFrontend fe = new CFrontend(FrontendOptions.NONE);
    List<TranslationUnit> units = new ArrayList<>();
    for (int i = 0; i < files.length; i += 2) {
      units.add(fe.parse(new SourceFile(Path.of(files[i]), files[i], files[i + 1])));
    }
    return new Program(units, Map.of());
  }
}
