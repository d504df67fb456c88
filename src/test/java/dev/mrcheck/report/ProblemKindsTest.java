package dev.mrcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.scan.FileProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemKindsTest {
  private static FileProblem p(String message) {
    return new FileProblem(SourceLoc.of("a.c", 1, 1), message);
  }

  @Test
  void problemsAreCountedByKind() {
    assertThat(
            ProblemKinds.count(
                List.of(
                    p("Syntax error"),
                    p("Syntax error"),
                    p("Missing ;"),
                    p("Syntax error (function vapic_map_rom dropped)"),
                    p("binary file skipped"),
                    p("cannot read file: AccessDeniedException"),
                    p("not in compile_commands.json, not analyzed"))))
        .containsExactly(
            java.util.Map.entry("Missing ;", 1),
            java.util.Map.entry("Syntax error", 2),
            java.util.Map.entry("binary file skipped", 1),
            java.util.Map.entry("function not parsed", 1),
            java.util.Map.entry("not in the build", 1),
            java.util.Map.entry("unreadable file", 1));
  }
}
