package dev.mrcheck.scan;

import dev.mrcheck.suppress.SuppressionFilter;
import java.util.Set;

/**
 * The first two stages of the findings pipeline ({@code FindingsPipeline} in package pipeline,
 * which runs them first), the ones the request alone decides: confirm (drop the findings the
 * runtime model refuted, unless unconfirmed ones are kept; refuted ones keep their confirmation,
 * for the summary's count) and suppress ({@code mrcheck: ignore} comments hide findings, a comment
 * without a reason becomes an MRS01 note). Here, below the pipeline, so that {@link Scanner#scan}
 * gives library callers the same findings.
 */
public final class RequestStages {
  private RequestStages() {}

  /** {@code rules}: the request's selection (empty: all), which MRS01 obeys like any rule. */
  public static ScanResult run(ScanResult analyzed, boolean keepUnconfirmed, Set<String> rules) {
    ScanResult r =
        keepUnconfirmed
            ? analyzed
            : analyzed.filter(f -> analyzed.confirmation(f).map(c -> !c.dropped()).orElse(true));
    SuppressionFilter.Outcome s =
        SuppressionFilter.apply(r.findings(), r.suppressions().comments(), rules);
    return r.withFindings(s.findings()).withSuppressions(s.suppressions());
  }
}
