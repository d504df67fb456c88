package dev.mrcheck.lsp;

import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.report.VisibleText;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Rule;
import dev.mrcheck.rules.RuleInfo;
import dev.mrcheck.rules.Rules;
import dev.mrcheck.suppress.SuppressionFilter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Hover over a flagged call: what the rule says, why, and the trace that led there (Markdown). */
final class HoverText {
  private HoverText() {}

  /** The findings whose range covers the position (a whole line when the finding has no extent). */
  static List<Finding> at(List<Finding> findings, Position pos) {
    return findings.stream().filter(f -> covers(FindingDiagnostics.range(f.loc()), pos)).toList();
  }

  static boolean covers(Range r, Position pos) {
    if (pos.getLine() < r.getStart().getLine() || pos.getLine() > r.getEnd().getLine())
      return false;
    boolean empty = r.getStart().equals(r.getEnd());
    if (empty) return true;
    if (pos.getLine() == r.getStart().getLine() && pos.getCharacter() < r.getStart().getCharacter())
      return false;
    return pos.getLine() != r.getEnd().getLine() || pos.getCharacter() <= r.getEnd().getCharacter();
  }

  static String markdown(List<Finding> findings) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : findings) {
      if (sb.length() > 0) sb.append("\n\n---\n\n");
      Optional<RuleInfo> info =
          Stream.concat(Rules.all().stream(), SuppressionFilter.rules().stream())
              .map(Rule::info)
              .filter(r -> r.id().equals(f.ruleId()))
              .findFirst();
      sb.append("**").append(f.ruleId());
      info.ifPresent(i -> sb.append(" ").append(i.name()));
      sb.append("** (").append(f.severity().label()).append(")\n\n");
      info.ifPresent(i -> sb.append(i.summary()).append("\n\n"));
      sb.append(VisibleText.of(f.message())).append("\n");
      if (!f.trace().isEmpty()) {
        sb.append("\nTrace:\n");
        int n = 1;
        for (TraceStep s : f.trace()) {
          sb.append(n++)
              .append(". `")
              .append(VisibleText.of(String.valueOf(s.loc())))
              .append("` ")
              .append(VisibleText.of(s.message()))
              .append("\n");
        }
      }
      info.ifPresent(i -> sb.append("\n").append(i.description()).append("\n"));
    }
    return sb.toString();
  }
}
