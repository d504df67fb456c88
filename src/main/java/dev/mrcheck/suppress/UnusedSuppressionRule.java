package dev.mrcheck.suppress;

import dev.mrcheck.analysis.AnalysisResult;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Rule;
import dev.mrcheck.rules.RuleInfo;
import dev.mrcheck.rules.Severity;
import java.util.function.Consumer;

/**
 * MRS02: reported by {@code mrcheck scan --report-unused-suppressions} (see {@link
 * SuppressionFilter}).
 */
@RuleInfo(
    id = "MRS02",
    name = "unused-suppression",
    severity = Severity.NOTE,
    summary = "An mrcheck: ignore comment hides no finding.",
    tags = {"maintainability"},
    description =
        "The code it was written for changed, or the finding moved to another line: delete the comment, "
            + "or move it next to the finding, so that it does not hide a future bug. Reported only with "
            + "--report-unused-suppressions, and only for rules that ran.")
public final class UnusedSuppressionRule extends Rule {
  @Override
  public void check(AnalysisResult analysis, Consumer<Finding> report) {}
}
