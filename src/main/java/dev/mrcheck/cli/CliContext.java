package dev.mrcheck.cli;

import dev.mrcheck.report.HelpPages;
import dev.mrcheck.report.SourceRoot;
import dev.mrcheck.rules.Rule;
import dev.mrcheck.rules.RuleInfo;
import dev.mrcheck.rules.Rules;
import dev.mrcheck.scan.PersistentCache;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanListener;
import dev.mrcheck.scan.ScanOverlay;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.Scanner;
import dev.mrcheck.suppress.SuppressionFilter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the commands depend on, gathered so tests can swap any of it: the scanner, the rule
 * catalogue, the help pages, and the directory paths are shown relative to.
 */
public record CliContext(
    ScanFunction scanner, List<RuleInfo> rules, HelpPages help, Path workingDir) {
  public CliContext {
    rules = List.copyOf(rules);
  }

  /**
   * The base of every report's paths for a scan of {@code root}: the enclosing git repository's
   * root, else the working directory when the root is inside it (see {@link SourceRoot}).
   */
  SourceRoot sourceRoot(Path root) {
    return SourceRoot.enclosing(root, workingDir);
  }

  /** The scan root as text paths start: its path from {@link #sourceRoot}, or empty. */
  String displayRoot(Path root) {
    return sourceRoot(root).prefix();
  }

  public static CliContext production() {
    Scanner scanner = new Scanner();
    ScanFunction scan =
        new ScanFunction() {
          @Override
          public ScanResult scan(ScanRequest request) throws ScanException {
            return scanner.analyze(request);
          }

          @Override
          public ScanResult scan(ScanRequest request, ScanListener listener) throws ScanException {
            return scanner.analyze(request, ScanOverlay.NONE, listener);
          }

          @Override
          public ScanResult scan(ScanRequest request, ScanListener listener, PersistentCache cache)
              throws ScanException {
            return scanner.analyze(request, ScanOverlay.NONE, listener, cache);
          }
        };
    // The suppression pseudo-rules are listed with the rules: 'mrcheck rules' and SARIF name them.
    List<RuleInfo> catalogue =
        Stream.concat(Rules.all().stream(), SuppressionFilter.rules().stream())
            .map(Rule::info)
            .toList();
    return new CliContext(scan, catalogue, HelpPages.bundled(), Path.of("").toAbsolutePath());
  }
}
