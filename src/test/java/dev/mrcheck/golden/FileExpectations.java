package dev.mrcheck.golden;

import java.util.List;
import java.util.Set;

/**
 * What one golden file declares: the findings it expects ({@code // BUG...:} lines), the rules it
 * claims to be a must-not-flag case for ({@code // OK: MR00x <pattern>} lines) and the input
 * problems the scan must report in it ({@code // PROBLEM: text} lines).
 */
public record FileExpectations(
    String file, List<Expectation> bugs, Set<String> okRules, List<ProblemExpectation> problems) {
  public FileExpectations {
    bugs = List.copyOf(bugs);
    okRules = Set.copyOf(okRules);
    problems = List.copyOf(problems);
  }

  public boolean isPositiveFor(String ruleId) {
    return bugs.stream().anyMatch(b -> b.ruleId().equals(ruleId));
  }

  public boolean isNegativeFor(String ruleId) {
    return okRules.contains(ruleId);
  }
}
