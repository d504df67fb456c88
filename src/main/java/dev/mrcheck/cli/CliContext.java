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

  /** A scan root as the user would type it: relative to the working directory when inside it. */
  String displayRoot(Path root) {
    Path abs = root.toAbsolutePath().normalize();
    Path cwd = workingDir.toAbsolutePath().normalize();
    if (abs.equals(cwd)) return "";
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
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
