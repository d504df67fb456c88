package dev.mrcheck.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages depend on each other in one direction only, the pipeline's (docs/architecture.md):
 * frontends produce the IR, the model binds API functions to operations, the analysis computes
 * facts, the rules turn facts into findings, confirmation replays them on the runtime model, the
 * scan pipeline filters them, and reports, the language server and the CLI present them. Each
 * package has a layer; a source file may name (import, or spell out in full) a class of its own
 * package or of a lower layer only, so a back-edge, and with it every package cycle, fails here
 * with the file that makes it.
 */
class PackageLayersTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern REFERENCE =
      Pattern.compile("\\bdev\\.mrcheck((?:\\.[a-z][a-z0-9_]*)*)\\.[A-Z]");

  /** Lowest first. Packages of one layer may not name each other. */
  private static final List<Set<String>> LAYERS =
      List.of(
          Set.of("", "ir", "io"),
          Set.of("frontend", "model.parser", "cache"),
          Set.of("frontend.c", "frontend.java", "model"),
          Set.of("runtime", "analysis"),
          Set.of("rules"),
          Set.of("confirm", "suppress", "fix"),
          Set.of("scan"),
          Set.of("changes", "config", "progress", "bench", "baseline"),
          Set.of("report", "pipeline"),
          Set.of("lsp", "selftest"),
          Set.of("cli"));

  @Test
  void everyPackageNamesOnlyItselfAndLowerLayers() throws IOException {
    Map<String, Integer> layer = new LinkedHashMap<>();
    for (int i = 0; i < LAYERS.size(); i++) for (String p : LAYERS.get(i)) layer.put(p, i);
    List<String> unplaced = new ArrayList<>();
    List<String> backEdges = new ArrayList<>();
    for (Path file : javaFiles()) {
      String from = packageOf(file);
      if (!layer.containsKey(from)) {
        unplaced.add(from + " (" + file + ")");
        continue;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Matcher m = REFERENCE.matcher(text);
      Set<String> named = new TreeSet<>();
      while (m.find()) named.add(m.group(1).isEmpty() ? "" : m.group(1).substring(1));
      for (String to : named) {
        if (to.equals(from)) continue;
        Integer target = layer.get(to);
        if (target == null) {
          unplaced.add(to + " (named in " + file + ")");
          continue;
        }
        if (target >= layer.get(from)) backEdges.add(file + ": " + from + " -> " + to);
      }
    }
    assertThat(unplaced).as("packages missing from LAYERS: give each a layer").isEmpty();
    assertThat(backEdges)
        .as("references from a package to one of its own or a higher layer")
        .isEmpty();
  }

  @Test
  void thePackageGraphHasNoCycle() throws IOException {
    Map<String, Set<String>> edges = new TreeMap<>();
    for (Path file : javaFiles()) {
      String from = packageOf(file);
      Matcher m = REFERENCE.matcher(Files.readString(file, StandardCharsets.UTF_8));
      while (m.find()) {
        String to = m.group(1).isEmpty() ? "" : m.group(1).substring(1);
        if (!to.equals(from)) edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
      }
    }
    List<String> cycles = new ArrayList<>();
    for (String start : edges.keySet()) {
      if (reaches(edges, start, start, new TreeSet<>())) cycles.add(start);
    }
    assertThat(cycles).as("packages on a dependency cycle").isEmpty();
  }

  private static boolean reaches(
      Map<String, Set<String>> edges, String from, String target, Set<String> seen) {
    for (String next : edges.getOrDefault(from, Set.of())) {
      if (next.equals(target)) return true;
      if (seen.add(next) && reaches(edges, next, target, seen)) return true;
    }
    return false;
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static String packageOf(Path file) {
    Path dir = SOURCES.resolve("dev/mrcheck").relativize(file.getParent());
    return dir.toString().replace('/', '.');
  }
}
