package dev.mrcheck.pipeline;

import dev.mrcheck.baseline.Baseline;
import dev.mrcheck.baseline.BaselineComparison;
import dev.mrcheck.changes.ChangedLines;
import dev.mrcheck.config.ProjectConfig;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.scan.RequestStages;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.suppress.SuppressionFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Everything that happens to findings between the analysis and a report, in one order, for {@code
 * mrcheck scan}, {@code fix}, {@code explain} and the language server alike:
 *
 * <ol>
 *   <li>confirm: drop the findings the runtime model refuted, unless unconfirmed ones are kept;
 *   <li>suppress: {@code mrcheck: ignore} comments hide findings, and a comment without a reason
 *       becomes an MRS01 note;
 *   <li>configure: {@code .mrcheck.yaml}'s {@code exclude} and {@code severity};
 *   <li>on request, MRS02 notes for the suppression comments that hid nothing;
 *   <li>baseline: only the findings the baseline does not hold;
 *   <li>changed since: only the findings that touch changed lines;
 *   <li>sort by location.
 * </ol>
 *
 * The input is what {@link dev.mrcheck.scan.Scanner#analyze} returns: every finding the rules made,
 * each with its confirmation, and the suppression comments read. The first two stages are {@link
 * RequestStages}, which sit below this package so that {@code Scanner.scan} can run them for
 * library callers. A stage left unset passes findings through. Immutable: each {@code with...}
 * returns a new pipeline.
 */
public final class FindingsPipeline {
  /**
   * {@code result}: what is reported. {@code beforeBaseline}: the findings a baseline written now
   * records. {@code comparison}: the baseline comparison, null without a baseline. {@code
   * beforeChanges}: how many findings there were before the changed-lines filter.
   */
  public record Outcome(
      ScanResult result,
      List<Finding> beforeBaseline,
      BaselineComparison comparison,
      int beforeChanges) {
    public Outcome {
      beforeBaseline = List.copyOf(beforeBaseline);
    }
  }

  private final boolean keepUnconfirmed;
  private final Set<String> selectedRules;
  private final ProjectConfig config;
  private final Set<String> unusedSuppressionsOf;
  private final Baseline baseline;
  private final ChangedLines changes;

  private FindingsPipeline(
      boolean keepUnconfirmed,
      Set<String> selectedRules,
      ProjectConfig config,
      Set<String> unusedSuppressionsOf,
      Baseline baseline,
      ChangedLines changes) {
    this.keepUnconfirmed = keepUnconfirmed;
    this.selectedRules = Set.copyOf(selectedRules);
    this.config = config;
    this.unusedSuppressionsOf =
        unusedSuppressionsOf == null ? null : Set.copyOf(unusedSuppressionsOf);
    this.baseline = baseline;
    this.changes = changes;
  }

  /**
   * The stages the request itself decides: confirmation ({@code keepUnconfirmed}) and suppression
   * ({@code rules}).
   */
  public static FindingsPipeline forRequest(ScanRequest request) {
    return new FindingsPipeline(request.keepUnconfirmed(), request.rules(), null, null, null, null);
  }

  /** With the project configuration's {@code exclude} and {@code severity}; null: none. */
  public FindingsPipeline withConfig(ProjectConfig c) {
    return new FindingsPipeline(
        keepUnconfirmed, selectedRules, c, unusedSuppressionsOf, baseline, changes);
  }

  /**
   * Reports comments that hid nothing, for the rules that ran ({@code ran}): a comment for another
   * rule may not be stale.
   */
  public FindingsPipeline reportingUnusedSuppressions(Set<String> ran) {
    return new FindingsPipeline(keepUnconfirmed, selectedRules, config, ran, baseline, changes);
  }

  /** Reports only the findings {@code b} does not hold; null: no baseline. */
  public FindingsPipeline withBaseline(Baseline b) {
    return new FindingsPipeline(
        keepUnconfirmed, selectedRules, config, unusedSuppressionsOf, b, changes);
  }

  /** Reports only the findings that touch lines {@code c} holds; null: every finding. */
  public FindingsPipeline onlyChanged(ChangedLines c) {
    return new FindingsPipeline(
        keepUnconfirmed, selectedRules, config, unusedSuppressionsOf, baseline, c);
  }

  public Outcome run(ScanResult analyzed) {
    ScanResult r = RequestStages.run(analyzed, keepUnconfirmed, selectedRules);
    if (config != null) r = ConfiguredFindings.apply(r, config);
    if (unusedSuppressionsOf != null) {
      List<Finding> all = new ArrayList<>(r.findings());
      all.addAll(SuppressionFilter.unused(r.suppressions(), unusedSuppressionsOf));
      r = r.withFindings(all);
    }
    List<Finding> beforeBaseline = r.findings();
    BaselineComparison comparison = null;
    if (baseline != null) {
      comparison = BaselineComparison.of(r.findings(), baseline);
      r = r.withFindings(comparison.fresh());
    }
    int beforeChanges = r.findings().size();
    if (changes != null) r = changes.keepTouched(r);
    List<Finding> sorted = new ArrayList<>(r.findings());
    sorted.sort(null);
    return new Outcome(r.withFindings(sorted), beforeBaseline, comparison, beforeChanges);
  }
}
