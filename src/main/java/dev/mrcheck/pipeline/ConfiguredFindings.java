package dev.mrcheck.pipeline;

import dev.mrcheck.config.ProjectConfig;
import dev.mrcheck.confirm.Confirmation;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Severity;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.suppress.Suppressed;
import dev.mrcheck.suppress.Suppressions;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration's effect on a result: findings in {@code exclude}d files are not reported (the
 * files are still read, so calls into them are followed), and {@code severity} overrides a rule's
 * level. Findings are values, so a changed one is rebuilt everywhere the result keys by it. One
 * stage of {@link FindingsPipeline}.
 */
final class ConfiguredFindings {
  private ConfiguredFindings() {}

  static ScanResult apply(ScanResult result, ProjectConfig config) {
    if (config.exclude().isEmpty() && config.severities().isEmpty()) return result;
    List<PathMatcher> excluded =
        config.exclude().stream()
            .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
            .toList();
    Path root = result.root().toAbsolutePath().normalize();
    Path base = config.baseDir();
    Map<Finding, Confirmation> confirmations = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    for (Finding f : result.findings()) {
      if (isExcluded(f, root, base, excluded)) continue;
      Finding g = withConfiguredSeverity(f, config);
      findings.add(g);
      result.confirmation(f).ifPresent(c -> confirmations.put(g, c));
    }
    List<Suppressed> suppressed = new ArrayList<>();
    for (Suppressed s : result.suppressions().suppressed()) {
      if (isExcluded(s.finding(), root, base, excluded)) continue;
      Finding g = withConfiguredSeverity(s.finding(), config);
      suppressed.add(new Suppressed(g, s.by()));
      result.confirmation(s.finding()).ifPresent(c -> confirmations.put(g, c));
    }
    // Findings the scan dropped (refuted, not shown) keep their confirmation for the summary's
    // count.
    java.util.Set<Finding> handled = new java.util.HashSet<>(result.findings());
    for (Suppressed s : result.suppressions().suppressed()) handled.add(s.finding());
    result
        .confirmations()
        .forEach(
            (f, c) -> {
              if (!handled.contains(f)) confirmations.put(f, c);
            });
    return new ScanResult(
        result.root(),
        result.semantics(),
        findings,
        result.problems(),
        result.stats(),
        confirmations,
        new Suppressions(result.suppressions().comments(), suppressed));
  }

  private static Finding withConfiguredSeverity(Finding f, ProjectConfig config) {
    Severity s = config.severities().get(f.ruleId());
    return s == null || s == f.severity() ? f : f.withSeverity(s);
  }

  /** Globs are relative to the configuration file's directory, like its other paths. */
  private static boolean isExcluded(Finding f, Path root, Path base, List<PathMatcher> excluded) {
    if (excluded.isEmpty()) return false;
    Path abs = root.resolve(f.loc().file()).normalize();
    if (!abs.startsWith(base)) return false;
    Path rel = base.relativize(abs);
    return excluded.stream().anyMatch(m -> m.matches(rel));
  }
}
