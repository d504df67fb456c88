package dev.mrcheck.pipeline;

import dev.mrcheck.config.ProjectConfig;
import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.io.SourceReader;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.scan.CompilationDatabase;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to analyze with, as the user gave it: the {@code scan} command line, or the language
 * server's settings. {@code semantics}, {@code compileCommands} and {@code maxFileSize} (bytes) are
 * null when not given; an empty {@code rules} means not given (all rules). The one place settings
 * become a {@link ScanRequest}, and the one place they are layered over {@code .mrcheck.yaml}.
 */
public record AnalysisSettings(
    Semantics semantics,
    Set<String> rules,
    List<Path> models,
    List<Path> includeDirs,
    Map<String, String> defines,
    Path compileCommands,
    Long maxFileSize) {
  public static final Semantics DEFAULT_SEMANTICS = Semantics.CURRENT;
  public static final AnalysisSettings NONE =
      new AnalysisSettings(null, Set.of(), List.of(), List.of(), Map.of(), null, null);

  public AnalysisSettings {
    rules = Set.copyOf(rules);
    models = List.copyOf(models);
    includeDirs = List.copyOf(includeDirs);
    defines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defines));
  }

  /**
   * These settings over the project configuration ({@code config} null: none), as the command line
   * over the file: given semantics, rules, compile database and size limit win; models, include
   * directories and defines add up, the configuration's first (so a define given here redefines the
   * file's).
   */
  public AnalysisSettings over(ProjectConfig config) {
    if (config == null) return this;
    List<Path> allModels = new ArrayList<>(config.models());
    allModels.addAll(models);
    List<Path> allIncludes = new ArrayList<>(config.includeDirs());
    allIncludes.addAll(includeDirs);
    Map<String, String> allDefines = new LinkedHashMap<>(config.defines());
    allDefines.putAll(defines);
    return new AnalysisSettings(
        semantics != null ? semantics : config.semantics(),
        rules.isEmpty() ? config.rules() : rules,
        allModels,
        allIncludes,
        allDefines,
        compileCommands != null ? compileCommands : config.compileCommands(),
        maxFileSize != null ? maxFileSize : config.maxFileSize());
  }

  public Semantics effectiveSemantics() {
    return semantics != null ? semantics : DEFAULT_SEMANTICS;
  }

  public FrontendOptions frontendOptions() {
    return new FrontendOptions(includeDirs, defines);
  }

  /**
   * The request for {@code paths}; reads the compile database, if any (a bad one is a {@link
   * ScanException}).
   */
  public ScanRequest request(List<Path> paths, int jobs, boolean keepUnconfirmed)
      throws ScanException {
    return new ScanRequest(
        paths,
        effectiveSemantics(),
        rules,
        models,
        frontendOptions(),
        jobs,
        keepUnconfirmed,
        compileCommands == null ? null : CompilationDatabase.load(compileCommands),
        maxFileSize == null ? SourceReader.DEFAULT_MAX_BYTES : maxFileSize);
  }
}
