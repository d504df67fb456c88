package dev.mrcheck.rules;

import dev.mrcheck.analysis.AnalysisResult;
import java.util.function.Consumer;

/** A checker: reads the analysis result, reports findings. Metadata is its {@link RuleInfo}. */
public abstract class Rule {
  public final RuleInfo info() {
    RuleInfo info = getClass().getAnnotation(RuleInfo.class);
    if (info == null) throw new IllegalStateException(getClass() + " lacks @RuleInfo");
    return info;
  }

  public abstract void check(AnalysisResult analysis, Consumer<Finding> report);
}
