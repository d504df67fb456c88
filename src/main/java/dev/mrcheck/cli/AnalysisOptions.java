package dev.mrcheck.cli;

import dev.mrcheck.config.MacroDefinition;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.pipeline.AnalysisSettings;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanRequest;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The analysis options {@code scan}, {@code fix} and {@code explain} share, as a picocli mixin:
 * {@code --semantics}, {@code --model}, {@code -I}, {@code -D}, {@code -j}. They become a {@link
 * ScanRequest} in one way, through {@link AnalysisSettings} (which also layers them over {@code
 * .mrcheck.yaml}).
 */
final class AnalysisOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  /**
   * No picocli default: unset means ".mrcheck.yaml's, else current", which only AnalysisSettings
   * decides.
   */
  @Option(
      names = "--semantics",
      paramLabel = "MODEL",
      description =
          "QEMU reference semantics to check against: legacy (before 10.2), current (10.2 "
              + "and later) or refcount (the proposed per-region refcount series). Default: current.")
  Semantics semantics;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "An extra API model file (.mrm) added to the bundled model. Repeatable.")
  List<Path> modelFiles = new ArrayList<>();

  @Option(
      names = "-I",
      paramLabel = "DIR",
      description = "Add DIR to the include search path. Repeatable.")
  List<Path> includeDirs = new ArrayList<>();

  @Option(
      names = "-D",
      paramLabel = "NAME[=VALUE]",
      description = "Define a preprocessor macro (value 1 if omitted). Repeatable.")
  List<String> defines = new ArrayList<>();

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description = "Parser and replay threads. Default: the number of cores.")
  Integer jobs;

  /**
   * The command line's settings; {@code rules}: the command's checked selection (empty: all);
   * {@code compileCommands}, {@code maxFileSize}: the command's own options, null when not given.
   */
  AnalysisSettings settings(Set<String> rules, Path compileCommands, Long maxFileSize) {
    return new AnalysisSettings(
        semantics, rules, modelFiles, includeDirs, parseDefines(), compileCommands, maxFileSize);
  }

  /**
   * The request for {@code paths} under {@code settings}, after checking what a scan would only
   * stumble on later: every path and model file exists and is readable, and {@code --jobs} is at
   * least 1. A missing include directory is only a warning on {@code err}, as with cc: usually a
   * typo.
   */
  ScanRequest request(
      List<Path> paths, AnalysisSettings settings, boolean keepUnconfirmed, PrintWriter err)
      throws ScanException {
    for (Path p : paths) {
      if (!Files.exists(p)) throw new ScanException("no such file or directory: " + p);
      if (!Files.isReadable(p)) throw new ScanException("cannot read " + p + ": permission denied");
    }
    for (Path m : settings.models()) {
      if (!Files.isRegularFile(m)) throw new ScanException("model file not found: " + m);
      if (!Files.isReadable(m))
        throw new ScanException("cannot read model file " + m + ": permission denied");
    }
    for (Path dir : settings.includeDirs()) {
      if (!Files.isDirectory(dir))
        err.println("mrcheck: warning: include directory not found: " + dir);
    }
    int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    if (threads < 1) throw usage("--jobs must be at least 1, got " + threads);
    return settings.request(paths, threads, keepUnconfirmed);
  }

  /**
   * {@code -D} as the C preprocessor takes it: a name, optionally with parameters, then {@code
   * =value}.
   */
  private Map<String, String> parseDefines() {
    Map<String, String> result = new LinkedHashMap<>();
    for (String d : defines) {
      var macro =
          MacroDefinition.parse(d)
              .orElseThrow(() -> usage("bad -D '" + d + "': expected NAME or NAME=VALUE"));
      result.put(macro.getKey(), macro.getValue());
    }
    return result;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
