package dev.mrcheck.frontend.c;

import dev.mrcheck.frontend.FrontendOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.cdt.core.parser.ExtendedScannerInfo;

/**
 * {@link FrontendOptions} in the shape CDT's scanner wants, with absolute paths, and the
 * directories {@link HeaderProvider} may read headers from: the search paths, the directories of
 * forced includes and, for a unit described by the build ({@code ownDir}), the unit's own
 * directory, which the compiler searches first for {@code #include "..."}.
 */
record PreprocessorSetup(
    Map<String, String> defines,
    String[] includePath,
    String[] quotePath,
    String[] forcedIncludes,
    List<Path> servedDirs) {

  static PreprocessorSetup of(FrontendOptions options, Path ownDir) {
    Map<String, String> defines = new HashMap<>();
    options.defines().forEach((k, v) -> defines.put(k, v == null ? "1" : v));
    List<Path> include = absolute(options.includeDirs());
    List<Path> quote = absolute(options.quoteDirs());
    List<Path> forced = absolute(options.forcedIncludes());
    Set<Path> served = new LinkedHashSet<>(include);
    served.addAll(quote);
    for (Path f : forced) if (f.getParent() != null) served.add(f.getParent());
    if (ownDir != null) served.add(ownDir);
    return new PreprocessorSetup(
        Map.copyOf(defines),
        strings(include),
        strings(quote),
        strings(forced),
        List.copyOf(served));
  }

  /** The same setup with {@code more} macros defined (the user's own definitions win). */
  PreprocessorSetup withDefines(Map<String, String> more) {
    Map<String, String> all = new HashMap<>(more);
    all.putAll(defines);
    return new PreprocessorSetup(
        Map.copyOf(all), includePath, quotePath, forcedIncludes, servedDirs);
  }

  /**
   * The prelude and the guessed macros come first, as compiler built-ins do, then the user's forced
   * includes.
   */
  ExtendedScannerInfo scannerInfo(boolean usePrelude) {
    List<String> pre = new ArrayList<>();
    if (usePrelude) {
      pre.add(Prelude.PATH);
      pre.add(HeaderProvider.GUESSED_PATH);
    }
    pre.addAll(List.of(forcedIncludes));
    return new ExtendedScannerInfo(
        defines, includePath, new String[0], pre.toArray(String[]::new), quotePath);
  }

  private static List<Path> absolute(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) out.add(p.toAbsolutePath().normalize());
    return out;
  }

  private static String[] strings(List<Path> paths) {
    return paths.stream().map(Path::toString).toArray(String[]::new);
  }
}
