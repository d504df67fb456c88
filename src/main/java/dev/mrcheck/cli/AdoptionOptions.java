package dev.mrcheck.cli;

import dev.mrcheck.baseline.Baseline;
import dev.mrcheck.baseline.BaselineComparison;
import dev.mrcheck.config.ConfigLoader;
import dev.mrcheck.config.ProjectConfig;
import dev.mrcheck.pipeline.FindingsPipeline;
import dev.mrcheck.progress.ProgressLine;
import dev.mrcheck.progress.Terminal;
import dev.mrcheck.rules.RuleInfo;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanListener;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The {@code scan} options for adopting mrcheck in an existing project (issue #8): the project
 * configuration file, the baseline, suppression reporting and the progress line. A picocli mixin,
 * so {@link ScanCommand} only calls into it at a few points: config before the request, the scan
 * itself, the findings pipeline after it, and the summary.
 */
final class AdoptionOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Read settings from FILE instead of the nearest .mrcheck.yaml in the scanned directory or its parents.")
  Path configFile;

  @Option(names = "--no-config", description = "Ignore .mrcheck.yaml files.")
  boolean noConfig;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description =
          "Report only findings that are not in the baseline FILE (written by --write-baseline); "
              + "SARIF also lists the unchanged ones and those gone since (baselineState).")
  Path baselineFile;

  @Option(
      names = "--write-baseline",
      paramLabel = "FILE",
      description =
          "Record the current findings in FILE, by line-independent fingerprint, and exit with 0.")
  Path writeBaseline;

  @Option(
      names = "--report-unused-suppressions",
      description = "Report 'mrcheck: ignore' comments that hide no finding (MRS02).")
  boolean reportUnusedSuppressions;

  @Option(
      names = "--no-progress",
      description = "Never draw the progress line (it is drawn only when stderr is a terminal).")
  boolean noProgress;

  /** Tests replace this; by default the terminal check of {@link Terminal}. */
  BooleanSupplier interactive = Terminal::stderrIsInteractive;

  private ProjectConfig config;
  private BaselineComparison comparison;
  private OutputFile baselineOut;

  /** Loads the project configuration (null when there is none or it is disabled). */
  ProjectConfig loadConfig(List<Path> paths, List<RuleInfo> catalogue) throws ScanException {
    if (noConfig) return null;
    Set<String> known = catalogue.stream().map(RuleInfo::id).collect(Collectors.toSet());
    Path file = configFile;
    if (file == null) {
      file = ConfigLoader.findFor(paths).orElse(null);
      if (file == null) return null;
    } else if (!java.nio.file.Files.isRegularFile(file)) {
      throw new ScanException("config file not found: " + file);
    }
    config = new ConfigLoader(known).load(file);
    return config;
  }

  /** {@code --compare} reports a difference between two scans, which a baseline has no part in. */
  String conflictWithCompare() {
    if (baselineFile != null) return "--baseline";
    if (writeBaseline != null) return "--write-baseline";
    if (reportUnusedSuppressions) return "--report-unused-suppressions";
    return null;
  }

  /** What {@link ScanCommand#inputs} computes, only when there is an output to check against it. */
  @FunctionalInterface
  interface InputsSupplier {
    ScanInputs get() throws ScanException;
  }

  /**
   * Checked before the scan: a long scan should not end in "cannot write", and no output may
   * replace a file the scan reads, or the other output.
   */
  void checkOutputs(OutputFile report, InputsSupplier inputs) throws ScanException {
    if (writeBaseline != null) {
      baselineOut = new OutputFile(writeBaseline);
      baselineOut.checkWritable();
    }
    if (report == null && baselineOut == null) return;
    ScanInputs read = inputs.get();
    if (report != null) read.refuse(report, "the report");
    if (baselineOut != null) read.refuse(baselineOut, "the baseline");
    if (report != null && baselineOut != null)
      ScanInputs.refuseSame(report, "the report", baselineOut, "the baseline");
  }

  /** The configuration and the baseline read. */
  ScanInputs addInputs(ScanInputs inputs) {
    if (config != null) inputs.add("the configuration", config.file());
    return inputs.add("the baseline", baselineFile);
  }

  /** Runs the scan, with the progress line when stderr is a terminal. */
  ScanResult scan(ScanFunction scanner, ScanRequest request, PrintWriter err) throws ScanException {
    if (noProgress || !interactive.getAsBoolean()) return scanner.scan(request, ScanListener.NONE);
    try (ProgressLine progress = ProgressLine.start(err)) {
      return scanner.scan(request, progress);
    }
  }

  /**
   * The findings pipeline as the project wants it: the request's stages, then per-rule severities
   * and exclusions from the configuration, unused suppressions if asked, and the baseline to
   * compare with.
   */
  FindingsPipeline pipeline(ScanRequest request, Set<String> rulesThatRan) throws ScanException {
    FindingsPipeline p = FindingsPipeline.forRequest(request).withConfig(config);
    if (reportUnusedSuppressions) p = p.reportingUnusedSuppressions(rulesThatRan);
    if (baselineFile != null) p = p.withBaseline(Baseline.read(baselineFile));
    return p;
  }

  /** Keeps the baseline comparison for the summary and SARIF, and writes the baseline if asked. */
  void record(FindingsPipeline.Outcome outcome) throws ScanException, IOException {
    comparison = outcome.comparison();
    if (baselineOut != null) {
      Baseline recorded = Baseline.of(outcome.beforeBaseline());
      baselineOut.write(recorded::write);
    }
  }

  BaselineComparison comparison() {
    return comparison;
  }

  boolean wroteBaseline() {
    return baselineOut != null;
  }

  /** Appended to the summary line: what the baseline held back, and where the baseline went. */
  String summarySuffix() {
    StringBuilder b = new StringBuilder();
    if (comparison != null) {
      b.append(", baseline: ")
          .append(comparison.fresh().size())
          .append(" new, ")
          .append(comparison.unchanged().size())
          .append(" unchanged, ")
          .append(comparison.absent().size())
          .append(" absent");
    }
    if (baselineOut != null) b.append(", baseline written to ").append(writeBaseline);
    return b.toString();
  }
}
