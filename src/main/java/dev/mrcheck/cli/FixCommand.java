package dev.mrcheck.cli;

import dev.mrcheck.fix.Fixes;
import dev.mrcheck.pipeline.FindingsPipeline;
import dev.mrcheck.rules.RuleInfo;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mrcheck fix}: scans, then applies the mechanical fixes in place (the one command that
 * writes into the scanned tree), or prints them as a unified diff with {@code --diff}.
 */
@Command(
    name = "fix",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Apply the mechanical fixes in place: MR002 (insert memory_region_del_subregion before the unparent) "
          + "and MR004 (remove a no-op object_unparent from instance_finalize).",
      "Edits the scanned files. With --diff, prints a unified diff on stdout and writes nothing.",
    })
final class FixCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "Files or directories to fix (directories recursively).")
  List<Path> paths;

  @Option(
      names = "--rules",
      paramLabel = "ID",
      split = ",",
      description =
          "Fix only the findings of these rules (default: every rule with a fix, MR002 and MR004).")
  List<String> ruleIds = new ArrayList<>();

  @Option(
      names = "--diff",
      description = "Print the fixes as a unified diff (a/ b/ prefixes) and change no file.")
  boolean diff;

  /** --semantics, --model, -I, -D, -j: see {@link AnalysisOptions}. */
  @Mixin AnalysisOptions analysis = new AnalysisOptions();

  FixCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws ScanException, IOException {
    Set<String> rules = selectedRules();
    ScanRequest request =
        analysis.request(
            paths, analysis.settings(rules, null, null), false, spec.commandLine().getErr());
    ScanResult result =
        FindingsPipeline.forRequest(request).run(context.scanner().scan(request)).result();
    FixRun.run(
        result,
        rules,
        diff,
        context.displayRoot(result.root()),
        spec.commandLine().getOut(),
        spec.commandLine().getErr());
    return ExitCodes.OK;
  }

  /**
   * The rules to scan and fix: those asked for (each must have a fix), else every rule with one.
   */
  private Set<String> selectedRules() {
    Set<String> selected = new LinkedHashSet<>();
    for (String raw : ruleIds) {
      String id = raw.trim();
      if (id.isEmpty()) continue;
      RuleInfo rule =
          RuleCatalog.find(context.rules(), id)
              .orElseThrow(
                  () ->
                      usage(
                          "unknown rule id '"
                              + id
                              + "' ("
                              + RuleCatalog.known(context.rules())
                              + ")"));
      if (!Fixes.rules().contains(rule.id())) {
        throw usage(
            rule.id()
                + " has no mechanical fix (rules with one: "
                + String.join(", ", new TreeSet<>(Fixes.rules()))
                + ")");
      }
      selected.add(rule.id());
    }
    if (selected.isEmpty()) selected.addAll(new TreeSet<>(Fixes.rules()));
    return selected;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
