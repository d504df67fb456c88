package dev.mrcheck.suppress;

import dev.mrcheck.analysis.AnalysisResult;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Rule;
import dev.mrcheck.rules.RuleInfo;
import dev.mrcheck.rules.Severity;
import java.util.function.Consumer;

/**
 * MRS01: the catalogue entry of a finding made from comments, not from the analysis (see {@link
 * SuppressionFilter}); {@link #check} has nothing to look at.
 */
@RuleInfo(
    id = "MRS01",
    name = "suppression-without-reason",
    severity = Severity.NOTE,
    summary = "An mrcheck: ignore comment gives no reason, or names no rule.",
    tags = {"maintainability"},
    description =
        "A suppression is a decision a reviewer should be able to check later: write why the finding "
            + "does not apply after '--', e.g. /* mrcheck: ignore MR002 -- the region is never mapped on this board */. "
            + "The suppression still hides the findings it names; this note stays until it has a reason. A comment "
            + "'mrcheck: ignore' without a rule id hides nothing.")
public final class SuppressionWithoutReasonRule extends Rule {
  @Override
  public void check(AnalysisResult analysis, Consumer<Finding> report) {}
}
