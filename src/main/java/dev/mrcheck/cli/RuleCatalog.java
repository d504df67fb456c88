package dev.mrcheck.cli;

import dev.mrcheck.rules.RuleInfo;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Looking rules up by the id a user typed. */
final class RuleCatalog {
  private RuleCatalog() {}

  static Optional<RuleInfo> find(List<RuleInfo> rules, String id) {
    return rules.stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst();
  }

  /** "known: MR001, MR002" for error messages. */
  static String known(List<RuleInfo> rules) {
    if (rules.isEmpty()) return "no rules are registered";
    return rules.stream()
        .map(RuleInfo::id)
        .sorted()
        .collect(Collectors.joining(", ", "known: ", ""));
  }
}
