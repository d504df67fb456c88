package dev.mrcheck.scan;

import dev.mrcheck.frontend.FrontendOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The preprocessor part of one compiler invocation ({@code -I}, {@code -D}, {@code -U}, {@code
 * -include}, {@code -iquote}, {@code -isystem}, joined or separate), with relative paths taken from
 * the invocation's working directory; everything else (warnings, {@code -o}, the dependency flags)
 * is ignored. {@code -D} and {@code -U} apply in command-line order, as in GCC.
 */
final class CompilerArguments {
  private final Path directory;
  private final List<Path> includeDirs = new ArrayList<>();
  private final List<Path> systemDirs = new ArrayList<>();
  private final List<Path> quoteDirs = new ArrayList<>();
  private final List<String> forcedIncludes = new ArrayList<>();
  private final Map<String, String> defines = new LinkedHashMap<>();

  private CompilerArguments(Path directory) {
    this.directory = directory;
  }

  /**
   * {@code arguments} without the compiler itself is fine too: the first word is never an option.
   */
  static FrontendOptions parse(List<String> arguments, Path directory) {
    CompilerArguments a = new CompilerArguments(directory);
    for (int i = 0; i < arguments.size(); i++) {
      String arg = arguments.get(i);
      String next = i + 1 < arguments.size() ? arguments.get(i + 1) : null;
      int used = a.take(arg, next);
      i += used - 1;
    }
    return a.options();
  }

  /**
   * Consumes {@code arg} (and {@code next} for a separate value); returns how many words it used.
   */
  private int take(String arg, String next) {
    for (String flag : List.of("-isystem", "-iquote", "-include", "-I", "-D", "-U")) {
      if (!arg.startsWith(flag)) continue;
      boolean separate = arg.length() == flag.length();
      if (separate && next == null) return 1;
      add(flag, separate ? next : arg.substring(flag.length()));
      return separate ? 2 : 1;
    }
    return 1;
  }

  private void add(String flag, String value) {
    switch (flag) {
      case "-I" -> includeDirs.add(directory.resolve(value).normalize());
      case "-isystem" -> systemDirs.add(directory.resolve(value).normalize());
      case "-iquote" -> quoteDirs.add(directory.resolve(value).normalize());
      case "-include" -> forcedIncludes.add(value);
      case "-D" -> {
        int eq = value.indexOf('=');
        if (eq < 0) defines.put(value, "1");
        else defines.put(value.substring(0, eq), value.substring(eq + 1));
      }
      case "-U" -> defines.remove(value);
      default -> throw new IllegalStateException(flag);
    }
  }

  private FrontendOptions options() {
    List<Path> search = new ArrayList<>(includeDirs);
    search.addAll(systemDirs);
    List<Path> forced = new ArrayList<>();
    for (String f : forcedIncludes) forced.add(resolveForced(f, search));
    return new FrontendOptions(search, defines, quoteDirs, forced);
  }

  /**
   * As GCC: the working directory first, then the {@code #include "..."} chain; else where the
   * working directory puts it.
   */
  private Path resolveForced(String name, List<Path> search) {
    Path here = directory.resolve(name).normalize();
    if (Files.isRegularFile(here)) return here;
    List<Path> chain = new ArrayList<>(quoteDirs);
    chain.addAll(search);
    for (Path dir : chain) {
      Path p = dir.resolve(name).normalize();
      if (Files.isRegularFile(p)) return p;
    }
    return here;
  }
}
