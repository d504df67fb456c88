package dev.mrcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.baseline.Baseline;
import dev.mrcheck.config.ProjectConfig;
import dev.mrcheck.confirm.Confirmation;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Severity;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.ScanStats;
import dev.mrcheck.suppress.Suppression;
import dev.mrcheck.suppress.Suppressions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each stage of the findings pipeline on one made-up analysis, in the pipeline's order. */
class FindingsPipelineTest {
  @TempDir Path root;

  static Finding finding(String rule, Severity s, String file, int line) {
    return new Finding(
        rule,
        s,
        SourceLoc.of(file, line, 5),
        rule + " at " + file + ":" + line,
        List.of(),
        rule + file + line);
  }

  static final Finding REFUTED = finding("MR002", Severity.ERROR, "a.c", 10);
  static final Finding HIDDEN = finding("MR002", Severity.ERROR, "a.c", 20);
  static final Finding EXCLUDED = finding("MR001", Severity.ERROR, "gen/b.c", 5);
  static final Finding RESEVERED = finding("MR005", Severity.WARNING, "a.c", 30);
  static final Finding BASELINED = finding("MR004", Severity.WARNING, "a.c", 40);
  static final Finding KEPT = finding("MR001", Severity.ERROR, "a.c", 50);

  private ScanResult analyzed() {
    Confirmation refuted =
        new Confirmation(
            false, List.of(), "current", "lifecycle", "not reproduced", List.of(), List.of());
    Suppression comment =
        new Suppression(
            SourceLoc.of("a.c", 19, 5),
            Set.of("MR002"),
            "why",
            19,
            20,
            "mrcheck: ignore MR002 -- why");
    Suppression stale =
        new Suppression(
            SourceLoc.of("a.c", 59, 5),
            Set.of("MR001"),
            "old",
            59,
            60,
            "mrcheck: ignore MR001 -- old");
    return new ScanResult(
        root,
        "current",
        List.of(KEPT, BASELINED, RESEVERED, EXCLUDED, HIDDEN, REFUTED),
        List.of(),
        new ScanStats(1, 1, 1, 1, 0, 0, 1),
        Map.of(REFUTED, refuted),
        new Suppressions(List.of(comment, stale), List.of()));
  }

  private ScanRequest request(boolean keepUnconfirmed) {
    return new ScanRequest(
        List.of(root),
        dev.mrcheck.model.Semantics.CURRENT,
        Set.of(),
        List.of(),
        dev.mrcheck.frontend.FrontendOptions.NONE,
        1,
        keepUnconfirmed);
  }

  @Test
  void theRequestStagesDropRefutedAndSuppressedFindings() {
    FindingsPipeline.Outcome o = FindingsPipeline.forRequest(request(false)).run(analyzed());
    assertThat(o.result().findings()).containsExactly(RESEVERED, BASELINED, KEPT, EXCLUDED);
    assertThat(o.result().suppressions().suppressed())
        .singleElement()
        .satisfies(s -> assertThat(s.finding()).isEqualTo(HIDDEN));
    assertThat(o.result().confirmation(REFUTED)).as("kept for the summary's count").isPresent();
    assertThat(FindingsPipeline.forRequest(request(true)).run(analyzed()).result().findings())
        .contains(REFUTED);
  }

  @Test
  void configurationUnusedSuppressionsBaselineAndSortFollow() {
    ProjectConfig config =
        new ProjectConfig(
            root.resolve(".mrcheck.yaml"),
            null,
            Set.of(),
            Map.of("MR005", Severity.ERROR),
            List.of(),
            List.of(),
            Map.of(),
            List.of("gen/**"),
            null);
    FindingsPipeline.Outcome o =
        FindingsPipeline.forRequest(request(false))
            .withConfig(config)
            .reportingUnusedSuppressions(Set.of("MR001", "MR002"))
            .withBaseline(Baseline.of(List.of(BASELINED)))
            .run(analyzed());
    assertThat(o.result().findings())
        .extracting(f -> f.ruleId() + "@" + f.loc().line() + ":" + f.severity())
        .containsExactly("MR005@30:ERROR", "MR001@50:ERROR", "MRS02@59:NOTE");
    assertThat(o.beforeBaseline())
        .extracting(Finding::ruleId)
        .containsExactly("MR005", "MR004", "MR001", "MRS02");
    assertThat(o.comparison().unchanged()).containsExactly(BASELINED);
    assertThat(o.beforeChanges()).isEqualTo(3);
  }
}
