package dev.mrcheck.frontend;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Preprocessor settings: from the user ({@code -I}, {@code -D}) for the whole scan, or from a
 * build's {@code compile_commands.json} for one translation unit. {@code includeDirs} are searched
 * for every include ({@code -I}, then {@code -isystem}); {@code quoteDirs} only for {@code #include
 * "..."} ({@code -iquote}); {@code forcedIncludes} are read before the file's first line ({@code
 * -include}), as absolute paths.
 */
public record FrontendOptions(
    List<Path> includeDirs,
    Map<String, String> defines,
    List<Path> quoteDirs,
    List<Path> forcedIncludes) {
  public static final FrontendOptions NONE = new FrontendOptions(List.of(), Map.of());

  public FrontendOptions {
    includeDirs = List.copyOf(includeDirs);
    defines = Map.copyOf(defines);
    quoteDirs = List.copyOf(quoteDirs);
    forcedIncludes = List.copyOf(forcedIncludes);
  }

  public FrontendOptions(List<Path> includeDirs, Map<String, String> defines) {
    this(includeDirs, defines, List.of(), List.of());
  }
}
