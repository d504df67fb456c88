package dev.mrcheck.scan;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.io.SourceReader;
import dev.mrcheck.ir.SourceLoc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which C files a scan with a compilation database reads, and with which options: the database's
 * translation units under the scanned paths, and the headers under those paths that they include
 * (directly or through other such headers), each header with the options of the first unit, in path
 * order, that reaches it. Files of other languages are kept as found. The command line's {@code -I}
 * are searched after the unit's own directories and its {@code -D} override the unit's.
 */
record BuildSelection(
    List<Path> files, Map<Path, FrontendOptions> options, List<FileProblem> problems) {
  private static final Pattern INCLUDE =
      Pattern.compile("^[ \\t]*#[ \\t]*include[ \\t]*([\"<])([^\">\\n]+)[\">]", Pattern.MULTILINE);

  static BuildSelection of(
      CompilationDatabase db,
      List<Path> found,
      List<Path> scanPaths,
      Path root,
      Predicate<String> isC,
      FrontendOptions commandLine) {
    List<Path> under = scanPaths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    Predicate<Path> inScan = p -> under.stream().anyMatch(p::startsWith);
    TreeSet<Path> files = new TreeSet<>();
    List<FileProblem> problems = new ArrayList<>();
    for (Path f : found) if (!isC.test(f.getFileName().toString())) files.add(f);

    Map<Path, FrontendOptions> options = new LinkedHashMap<>();
    for (Path unit : new TreeSet<>(db.units().keySet())) {
      if (!inScan.test(unit) || !isC.test(unit.getFileName().toString())) continue;
      if (!Files.exists(unit)) {
        problems.add(
            new FileProblem(
                SourceLoc.of(SourceReads.relative(root, unit), 1, 1),
                "listed in " + db.source().getFileName() + " but not found, not analyzed"));
        continue;
      }
      files.add(unit);
      options.put(unit, withCommandLine(db.units().get(unit), commandLine));
    }
    for (Path f : found) {
      Path abs = f.toAbsolutePath().normalize();
      boolean explicit =
          scanPaths.stream().anyMatch(p -> p.toAbsolutePath().normalize().equals(abs));
      if (explicit
          && isC.test(f.getFileName().toString())
          && !options.containsKey(abs)
          && !f.toString().endsWith(".h")) {
        problems.add(
            new FileProblem(
                SourceLoc.of(SourceReads.relative(root, f), 1, 1),
                "not in " + db.source().getFileName() + ", not analyzed"));
      }
    }
    addReachedHeaders(options, files, inScan, isC);
    return new BuildSelection(new ArrayList<>(files), options, problems);
  }

  private static void addReachedHeaders(
      Map<Path, FrontendOptions> options,
      TreeSet<Path> files,
      Predicate<Path> inScan,
      Predicate<String> isC) {
    Deque<Path> work = new ArrayDeque<>(options.keySet());
    Map<Path, Boolean> seen = new HashMap<>();
    while (!work.isEmpty()) {
      Path file = work.removeFirst();
      FrontendOptions opts = options.get(file);
      for (Path header : includes(file, opts)) {
        if (seen.putIfAbsent(header, Boolean.TRUE) != null || options.containsKey(header)) continue;
        if (!inScan.test(header) || !isC.test(header.getFileName().toString())) continue;
        options.put(header, opts);
        files.add(header);
        work.addLast(header);
      }
    }
  }

  /**
   * The files {@code file}'s includes resolve to, searched as the compiler would; unresolved ones
   * are skipped.
   */
  private static List<Path> includes(Path file, FrontendOptions opts) {
    String text;
    try {
      text = SourceReader.readText(file, SourceReader.DEFAULT_MAX_BYTES);
    } catch (IOException | RuntimeException e) {
      return List.of(); // reported when the scan reads it
    }
    List<Path> out = new ArrayList<>();
    Matcher m = INCLUDE.matcher(text);
    while (m.find()) {
      List<Path> chain = new ArrayList<>();
      if (m.group(1).equals("\"")) {
        chain.add(file.getParent());
        chain.addAll(opts.quoteDirs());
      }
      chain.addAll(opts.includeDirs());
      for (Path dir : chain) {
        Path p = resolve(dir, m.group(2));
        if (p != null && Files.isRegularFile(p)) {
          out.add(p);
          break;
        }
      }
    }
    return out;
  }

  private static Path resolve(Path dir, String name) {
    try {
      return dir.toAbsolutePath().resolve(name.trim()).normalize();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static FrontendOptions withCommandLine(
      FrontendOptions unit, FrontendOptions commandLine) {
    if (commandLine.includeDirs().isEmpty() && commandLine.defines().isEmpty()) return unit;
    List<Path> include = new ArrayList<>(unit.includeDirs());
    include.addAll(commandLine.includeDirs());
    Map<String, String> defines = new LinkedHashMap<>(unit.defines());
    defines.putAll(commandLine.defines());
    return new FrontendOptions(include, defines, unit.quoteDirs(), unit.forcedIncludes());
  }
}
