package dev.mrcheck.config;

import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A project's {@code .mrcheck.yaml}, checked and with paths resolved against the file's directory.
 * Absent settings are null ({@code semantics}, {@code compileCommands}) or empty. {@code
 * compileCommands} is carried for the compile-database support, which reads it. {@code maxFileSize}
 * is in bytes, null when not set.
 */
public record ProjectConfig(
    Path file,
    Semantics semantics,
    Set<String> rules,
    Map<String, Severity> severities,
    List<Path> models,
    List<Path> includeDirs,
    Map<String, String> defines,
    List<String> exclude,
    Path compileCommands,
    Long maxFileSize) {
  public static final String FILE_NAME = ".mrcheck.yaml";

  public ProjectConfig {
    rules = Set.copyOf(rules);
    severities = Map.copyOf(severities);
    models = List.copyOf(models);
    includeDirs = List.copyOf(includeDirs);
    defines = Map.copyOf(defines);
    exclude = List.copyOf(exclude);
  }

  public ProjectConfig(
      Path file,
      Semantics semantics,
      Set<String> rules,
      Map<String, Severity> severities,
      List<Path> models,
      List<Path> includeDirs,
      Map<String, String> defines,
      List<String> exclude,
      Path compileCommands) {
    this(
        file,
        semantics,
        rules,
        severities,
        models,
        includeDirs,
        defines,
        exclude,
        compileCommands,
        null);
  }

  /** The directory relative paths and {@code exclude} globs are taken from. */
  public Path baseDir() {
    return file.toAbsolutePath().normalize().getParent();
  }
}
