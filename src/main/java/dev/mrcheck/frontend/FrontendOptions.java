package dev.mrcheck.frontend;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Preprocessor settings passed by the user ({@code -I}, {@code -D}). */
public record FrontendOptions(List<Path> includeDirs, Map<String, String> defines) {
  public static final FrontendOptions NONE = new FrontendOptions(List.of(), Map.of());

  public FrontendOptions {
    includeDirs = List.copyOf(includeDirs);
    defines = Map.copyOf(defines);
  }
}
