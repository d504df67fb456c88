package dev.mrcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.ScanStats;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {
  @Test
  void countsFilesFunctionsFindingsPerRuleProblemsAndTime() {
    assertThat(Summary.line(Fixtures.sample(Path.of("/r"))))
        .isEqualTo(
            "mrcheck: 12 files (3 parsed, 4567 lines), 89 functions (2 dropped), 3 findings "
                + "(TST001: 1, TST002: 1, TST003: 1), 2 input problems, 1.2 s [semantics current]");
  }

  @Test
  void countsFunctionsInInactivePreprocessorBranches() {
    ScanResult r =
        new ScanResult(
            Path.of("/r"),
            "current",
            List.of(),
            List.of(),
            new ScanStats(2, 2, 40, 5, 0, 0, 50, 3));
    assertThat(Summary.line(r))
        .isEqualTo(
            "mrcheck: 2 files (2 parsed, 40 lines), 5 functions, "
                + "3 functions in inactive #if branches, 0 findings, 0.1 s [semantics current]");
  }

  @Test
  void quietWhenThereIsNothingToSay() {
    ScanResult r =
        new ScanResult(
            Path.of("/r"), "legacy", List.of(), List.of(), new ScanStats(1, 1, 1, 1, 0, 0, 50));
    assertThat(Summary.line(r))
        .isEqualTo(
            "mrcheck: 1 file (1 parsed, 1 line), 1 function, 0 findings, 0.1 s [semantics legacy]");
  }
}
