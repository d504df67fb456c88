package dev.mrcheck.cli;

import dev.mrcheck.model.Semantics;
import dev.mrcheck.fix.Fixes;
import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.rules.RuleInfo;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or directories to fix (directories recursively).")
  List<Path> paths;

  @Option(names = "--rules", paramLabel = "ID", split = ",",
      description = "Fix only the findings of these rules (default: every rule with a fix, MR002 and MR004).")
  List<String> ruleIds = new ArrayList<>();

  @Option(names = "--diff", description = "Print the fixes as a unified diff (a/ b/ prefixes) and change no file.")
  boolean diff;

  @Option(names = "--semantics", paramLabel = "MODEL", defaultValue = "current",
      description = "QEMU reference semantics: legacy, current or refcount. Default: ${DEFAULT-VALUE}.")
  Semantics semantics;

  @Option(names = "--model", paramLabel = "FILE", description = "An extra API model file (.mrm). Repeatable.")
  List<Path> modelFiles = new ArrayList<>();

  @Option(names = "-I", paramLabel = "DIR", description = "Add DIR to the include search path. Repeatable.")
  List<Path> includeDirs = new ArrayList<>();

  @Option(names = "-D", paramLabel = "NAME[=VALUE]", description = "Define a preprocessor macro. Repeatable.")
  List<String> defines = new ArrayList<>();

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Parser threads. Default: the number of cores.")
  Integer jobs;

  FixCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws ScanException, IOException {
    for (Path p : paths) {
      if (!Files.exists(p)) throw new ScanException("no such file or directory: " + p);
    }
    Set<String> rules = selectedRules();
    Map<String, String> defs = new LinkedHashMap<>();
    for (String d : defines) {
      int eq = d.indexOf('=');
      defs.put(eq < 0 ? d : d.substring(0, eq), eq < 0 ? "1" : d.substring(eq + 1));
    }
    int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    if (threads < 1) throw usage("--jobs must be at least 1, got " + threads);
    ScanRequest request = new ScanRequest(paths, semantics, rules, modelFiles,
        new FrontendOptions(includeDirs, defs), threads, false);
    ScanResult result = context.scanner().scan(request);
    FixRun.run(result, rules, diff, context.displayRoot(result.root()), spec.commandLine().getOut(), spec.commandLine().getErr());
    return ExitCodes.OK;
  }

  /** The rules to scan and fix: those asked for (each must have a fix), else every rule with one. */
  private Set<String> selectedRules() {
    Set<String> selected = new LinkedHashSet<>();
    for (String raw : ruleIds) {
      String id = raw.trim();
      if (id.isEmpty()) continue;
      RuleInfo rule = RuleCatalog.find(context.rules(), id)
          .orElseThrow(() -> usage("unknown rule id '" + id + "' (" + RuleCatalog.known(context.rules()) + ")"));
      if (!Fixes.rules().contains(rule.id())) {
        throw usage(rule.id() + " has no mechanical fix (rules with one: " + String.join(", ", new TreeSet<>(Fixes.rules())) + ")");
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
