package dev.mrcheck.frontend.c;

import static dev.mrcheck.frontend.c.CSnippets.names;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.frontend.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options of one translation unit, as a compilation database gives them; other files keep the
 * defaults.
 */
class PerUnitOptionsTest {
  private static final String CODE =
      """
      #include "local.h"
      #include "q/quoted.h"
      #ifdef FROM_LOCAL
      static void local(void) { }
      #endif
      #ifdef FROM_QUOTE
      static void quoted(void) { }
      #endif
      #ifdef FROM_FORCED
      static void forced(void) { }
      #endif
      #ifdef FROM_D
      static void defined(void) { }
      #endif
      """;

  @TempDir Path dir;

  @Test
  void theUnitsOwnDirectoryIquoteAndForcedIncludesAreRead() throws Exception {
    Path unit = dir.resolve("hw/dev.c");
    Files.createDirectories(unit.getParent());
    Files.createDirectories(dir.resolve("inc/q"));
    Files.writeString(dir.resolve("hw/local.h"), "#define FROM_LOCAL\n");
    Files.writeString(dir.resolve("inc/q/quoted.h"), "#define FROM_QUOTE\n");
    Path forced = Files.writeString(dir.resolve("config.h"), "#define FROM_FORCED\n");
    FrontendOptions own =
        new FrontendOptions(
            List.of(), Map.of("FROM_D", "1"), List.of(dir.resolve("inc")), List.of(forced));
    CFrontend frontend = new CFrontend(FrontendOptions.NONE, Map.of(unit, own));

    assertThat(names(frontend.parse(new SourceFile(unit, "hw/dev.c", CODE))))
        .containsExactlyInAnyOrder("local", "quoted", "forced", "defined");
    // A file the database does not describe is parsed as before: no headers next to it.
    Path other = dir.resolve("hw/other.c");
    assertThat(names(frontend.parse(new SourceFile(other, "hw/other.c", CODE)))).isEmpty();
  }

  @Test
  void aForcedIncludeDoesNotShiftLineNumbers() throws Exception {
    Path unit = dir.resolve("dev.c");
    Path forced =
        Files.writeString(dir.resolve("config.h"), "#define A 1\n#define B 2\n#define C 3\n");
    CFrontend frontend =
        new CFrontend(
            FrontendOptions.NONE,
            Map.of(unit, new FrontendOptions(List.of(), Map.of(), List.of(), List.of(forced))));
    var tu = frontend.parse(new SourceFile(unit, "dev.c", "\n\nstatic void f(void) { g(A); }\n"));
    assertThat(CSnippets.fn(tu, "f").cfg().statements().get(0).loc().line()).isEqualTo(3);
  }
}
