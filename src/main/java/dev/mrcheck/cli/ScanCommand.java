package dev.mrcheck.cli;

import dev.mrcheck.changes.ChangedLines;
import dev.mrcheck.changes.GitChanges;
import dev.mrcheck.config.ProjectConfig;
import dev.mrcheck.fix.SourceTexts;
import dev.mrcheck.io.SourceReader;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.pipeline.AnalysisSettings;
import dev.mrcheck.pipeline.FindingsPipeline;
import dev.mrcheck.report.HtmlReport;
import dev.mrcheck.report.JsonReport;
import dev.mrcheck.report.Report;
import dev.mrcheck.report.SarifReport;
import dev.mrcheck.report.Summary;
import dev.mrcheck.report.TextReport;
import dev.mrcheck.rules.RuleInfo;
import dev.mrcheck.scan.PersistentCache;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.Scanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mrcheck scan}: checks the inputs, runs the scan, writes the report (stdout or {@code
 * --output}), prints the summary on stderr and turns findings into the exit code.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Scan C sources (files or directories) for MemoryRegion ownership and lifetime bugs.",
      "Diagnostics go to stdout (or --output); a one-line summary goes to stderr.",
    })
final class ScanCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "Files or directories to scan (directories recursively).")
  List<Path> paths;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "Report format: text (compiler-style diagnostics), sarif (SARIF 2.1.0), json, or html (one "
              + "self-contained page with code excerpts and object graphs; use with --output). "
              + "Default: ${DEFAULT-VALUE}.")
  OutputFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE (replaced atomically) instead of stdout.")
  Path output;

  @Option(
      names = "--rules",
      paramLabel = "ID",
      split = ",",
      description =
          "Run only these rules (comma-separated ids, e.g. MR001,MR002). Default: all. "
              + "See 'mrcheck rules'.")
  List<String> ruleIds = new ArrayList<>();

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      defaultValue = "error",
      description =
          "Exit with 1 if there is a finding at or above LEVEL: error, warning, note or "
              + "none (always 0). Default: ${DEFAULT-VALUE}.")
  FailOn failOn;

  @Option(
      names = "--unconfirmed",
      description =
          "Keep the findings the runtime model replays without reproducing the predicted outcome "
              + "(marked unconfirmed), or whose path it refutes (marked refuted). By default they "
              + "are dropped.")
  boolean unconfirmed;

  @Option(
      names = "--compare",
      paramLabel = "MODEL",
      description =
          "Scan twice, under --semantics and under MODEL, and report the findings that appear only "
              + "under --semantics and those that disappear with it (text or json). E.g. --semantics refcount "
              + "--compare current: what the refcount series changes for this tree.")
  Semantics compare;

  @Option(
      names = "--fix",
      description =
          "After reporting, apply the mechanical fixes (MR002, MR004) to the scanned files in place; "
              + "see 'mrcheck fix'.")
  boolean fix;

  @Option(
      names = "--compile-commands",
      paramLabel = "FILE",
      description =
          "A build's compile_commands.json (meson writes build/compile_commands.json): analyze only the C "
              + "files it lists (and the headers they include) under PATH, each with its own -I, -D, -U, -include, "
              + "-iquote and -isystem.")
  Path compileCommands;

  @Option(
      names = "--changed-since",
      paramLabel = "REV",
      description =
          "Report only the findings whose function or trace touches a line changed since the git "
              + "revision REV (commits since REV and uncommitted changes); the whole tree is still analyzed.")
  String changedSince;

  @Option(
      names = "--max-file-size",
      paramLabel = "SIZE",
      description =
          "Skip (as an input problem) any source file bigger than SIZE, e.g. 64M or 2G. Default: 16M.")
  String maxFileSize;

  @Option(
      names = "--profile",
      description =
          "Print where the scan's time went on stderr: each phase's wall and CPU time, files read and "
              + "parsed, lines parsed, functions analyzed, replays run, confirmations.")
  boolean profile;

  @Option(
      names = {"-v", "--verbose"},
      description = "Also print input problems (unparsable files, dropped functions) on stderr.")
  boolean verbose;

  @Option(
      names = "--trace",
      description =
          "Text format: also print the runtime model's replay of each confirmed finding (indented "
              + "notes); 'mrcheck explain FILE:LINE' prints it in full.")
  boolean trace;

  /** --semantics, --model, -I, -D, -j: see {@link AnalysisOptions}. */
  @Mixin AnalysisOptions analysis = new AnalysisOptions();

  /** Project configuration, baseline, suppressions, progress: see {@link AdoptionOptions}. */
  @Mixin AdoptionOptions adoption = new AdoptionOptions();

  /** --cache-dir, --no-cache, --cache-size: see {@link CacheOptions}. */
  @Mixin CacheOptions cacheOptions = new CacheOptions();

  /** This run's on-disk cache, opened by {@link #call}; null when off. */
  private PersistentCache cache;

  ScanCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws ScanException, IOException {
    cache = cacheOptions.open(spec.commandLine().getErr());
    try {
      return run();
    } finally {
      if (cache != null) cache.store().finish();
    }
  }

  private int run() throws ScanException, IOException {
    ProjectConfig config = adoption.loadConfig(paths, context.rules());
    AnalysisSettings settings =
        analysis.settings(selectedRules(), compileCommands, maxFileSize()).over(config);
    ScanRequest request =
        analysis.request(paths, settings, unconfirmed, spec.commandLine().getErr());
    OutputFile outputFile = output == null ? null : new OutputFile(output);
    if (outputFile != null) outputFile.checkWritable();
    adoption.checkOutputs(outputFile, () -> inputs(request));

    ChangedLines changes =
        changedSince == null ? null : GitChanges.since(changedSince, paths.get(0));
    if (compare != null) return compare(request, outputFile, changes);
    ScanResult analyzed = adoption.scan(scanner(), request, spec.commandLine().getErr());
    Set<String> ran = new LinkedHashSet<>();
    for (RuleInfo r : rulesThatRan(request)) ran.add(r.id());
    FindingsPipeline.Outcome outcome =
        adoption.pipeline(request, ran).onlyChanged(changes).run(analyzed);
    adoption.record(outcome);
    ScanResult result = outcome.result();

    Report report = report(request, result);
    PrintWriter out = spec.commandLine().getOut();
    if (outputFile == null) {
      report.write(result, out);
      out.flush();
    } else {
      outputFile.write(w -> report.write(result, w));
    }
    PrintWriter err = spec.commandLine().getErr();
    if (verbose) new TextReport(displayRoot(result.root())).writeProblems(result, err);
    err.println(Summary.line(result) + adoption.summarySuffix());
    if (changes != null)
      err.println(changes.summary(outcome.beforeChanges(), result.findings().size()));
    err.flush();
    if (fix) FixRun.run(result, Set.of(), false, displayRoot(result.root()), out, err);
    if (adoption.wroteBaseline()) return ExitCodes.OK;
    return failOn.fails(result.findings()) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  /**
   * {@code --max-file-size} in bytes; null when not given (then .mrcheck.yaml's, else the default).
   */
  private Long maxFileSize() {
    if (maxFileSize == null) return null;
    Long bytes = SourceReader.parseSize(maxFileSize);
    if (bytes == null || bytes < 1 || bytes > SourceReader.LARGEST_MAX_BYTES) {
      throw usage(
          "bad --max-file-size '"
              + maxFileSize
              + "': expected a size such as 16M, 512K or 1G (at most 2G)");
    }
    return bytes;
  }

  /** The scanner, printing each scan's profile with {@code --profile}. */
  private ScanFunction scanner() {
    ScanFunction inner =
        profile
            ? new ProfiledScan(context.scanner(), spec.commandLine().getErr())
            : context.scanner();
    return cache == null ? inner : new CachedScan(inner, cache);
  }

  /**
   * {@code --compare}: two scans, and the findings that differ between them by fingerprint and
   * location.
   */
  private int compare(ScanRequest request, OutputFile outputFile, ChangedLines changes)
      throws ScanException, IOException {
    if (format == OutputFormat.SARIF || format == OutputFormat.HTML) {
      throw usage(
          "--compare writes text or json, not " + format.name().toLowerCase(java.util.Locale.ROOT));
    }
    String conflict = adoption.conflictWithCompare();
    if (conflict != null) throw usage(conflict + " cannot be combined with --compare");
    // --compare sets two analyses side by side: only the request stages and the changed lines
    // apply, not
    // the configuration's severities and exclusions, which would hide what differs.
    ScanResult first =
        FindingsPipeline.forRequest(request)
            .onlyChanged(changes)
            .run(scanner().scan(request))
            .result();
    ScanRequest other = request.withSemantics(compare);
    ScanResult second =
        FindingsPipeline.forRequest(other).onlyChanged(changes).run(scanner().scan(other)).result();
    SemanticsDiff diff = SemanticsDiff.of(first, second);
    Report report =
        format == OutputFormat.JSON
            ? diff.jsonReport(context.sourceRoot(first.root()))
            : diff.textReport(displayRoot(first.root()), trace);
    PrintWriter out = spec.commandLine().getOut();
    if (outputFile == null) {
      report.write(first, out);
      out.flush();
    } else {
      outputFile.write(w -> report.write(first, w));
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(diff.summary());
    err.flush();
    return failOn.fails(diff.appearing().findings()) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  /**
   * Canonical ids of the {@code --rules} selection; empty means all. Ids match case-insensitively.
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
      selected.add(rule.id());
    }
    return selected;
  }

  /** What no output may replace: what the scan reads, found as the scan will find it. */
  private ScanInputs inputs(ScanRequest request) throws ScanException {
    ScanInputs inputs = new ScanInputs().add("a source file", Scanner.sourceFiles(request));
    inputs.add("a model file", request.modelFiles());
    if (request.compilationDatabase() != null) {
      inputs.add("the compilation database", request.compilationDatabase().source());
      inputs.add(
          "a file the compilation database lists",
          List.copyOf(request.compilationDatabase().units().keySet()));
    }
    return adoption.addInputs(inputs);
  }

  Report report(ScanRequest request, ScanResult result) {
    return switch (format) {
      case TEXT -> new TextReport(displayRoot(result.root())).withReplay(trace);
      case SARIF -> {
        SarifReport sarif =
            new SarifReport(rulesThatRan(request), context.help())
                .withFixes(SourceTexts.exact(result.root()))
                .withBase(context.sourceRoot(result.root()));
        yield adoption.comparison() == null ? sarif : sarif.withBaseline(adoption.comparison());
      }
      case JSON -> new JsonReport(context.sourceRoot(result.root()));
      case HTML ->
          new HtmlReport(rulesThatRan(request), SourceTexts.exact(result.root()))
              .withExcerpts(SourceTexts.under(result.root()))
              .withBase(context.sourceRoot(result.root()));
    };
  }

  private List<RuleInfo> rulesThatRan(ScanRequest request) {
    if (request.rules().isEmpty()) return context.rules();
    return context.rules().stream().filter(r -> request.rules().contains(r.id())).toList();
  }

  /**
   * The scan root as text paths start (its path from the enclosing git repository's root, or the
   * working directory).
   */
  String displayRoot(Path root) {
    return context.displayRoot(root);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
