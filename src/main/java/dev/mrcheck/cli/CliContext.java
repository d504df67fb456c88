package dev.mrcheck.cli;

import dev.mrcheck.report.HelpPages;
import dev.mrcheck.rules.Rule;
import dev.mrcheck.rules.RuleInfo;
import dev.mrcheck.rules.Rules;
import dev.mrcheck.scan.Scanner;
import java.nio.file.Path;
import java.util.List;

/**
 * What the commands depend on, gathered so tests can swap any of it: the scanner, the rule
 * catalogue, the help pages, and the directory paths are shown relative to.
 */
public record CliContext(ScanFunction scanner, List<RuleInfo> rules, HelpPages help, Path workingDir) {
  public CliContext {
    rules = List.copyOf(rules);
  }

  public static CliContext production() {
    Scanner scanner = new Scanner();
    return new CliContext(
        scanner::scan,
        Rules.all().stream().map(Rule::info).toList(),
        HelpPages.bundled(),
        Path.of("").toAbsolutePath());
  }
}
