package dev.mrcheck.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shape and determinism of the generated tree; no timing here (that is what the command prints).
 */
class BenchTreeGeneratorTest {
  /** Calls of the modelled memory API, as a lexical pre-pass would look for them. */
  private static final Pattern MEMORY_API =
      Pattern.compile(
          "\\b(memory_region_init\\w*|memory_region_(add|del)_subregion\\w*|memory_region_(un)?ref"
              + "|address_space_(init|destroy)\\w*|pci_register_bar|sysbus_init_mmio"
              + "|object_unparent)\\s*\\(");

  private static final TreeSpec SMALL = new TreeSpec(40, 25_000, 7, 0.5);

  @Test
  void smallTreeHasTheRequestedFilesAndLines(@TempDir Path dir) throws IOException {
    TreeSummary summary = BenchTreeGenerator.generate(dir, SMALL);

    Map<String, byte[]> files = read(dir);
    assertThat(files).hasSize(40);
    assertThat(summary.files()).isEqualTo(40);
    assertThat(summary.sources()).isEqualTo(30);
    assertThat(summary.headers()).isEqualTo(10);
    assertThat(files.keySet())
        .allMatch(
            p ->
                p.startsWith("hw/") && p.endsWith(".c")
                    || p.startsWith("include/hw/") && p.endsWith(".h"));
    long lines = files.values().stream().mapToLong(BenchTreeGeneratorTest::countLines).sum();
    assertThat(lines).isEqualTo(summary.lines()).isBetween(22_500L, 27_500L);
    assertThat(files.values().stream().mapToLong(b -> b.length).sum()).isEqualTo(summary.bytes());
  }

  @Test
  void sameSeedGivesIdenticalBytes(@TempDir Path dir) throws IOException {
    BenchTreeGenerator.generate(dir.resolve("a"), SMALL);
    BenchTreeGenerator.generate(dir.resolve("b"), SMALL);

    Map<String, byte[]> a = read(dir.resolve("a"));
    Map<String, byte[]> b = read(dir.resolve("b"));
    assertThat(b.keySet()).isEqualTo(a.keySet());
    assertThat(a).allSatisfy((path, bytes) -> assertThat(b.get(path)).as(path).isEqualTo(bytes));
  }

  @Test
  void otherSeedGivesAnotherTree(@TempDir Path dir) throws IOException {
    BenchTreeGenerator.generate(dir.resolve("a"), SMALL);
    BenchTreeGenerator.generate(dir.resolve("b"), new TreeSpec(40, 25_000, 8, 0.5));

    Map<String, byte[]> a = read(dir.resolve("a"));
    Map<String, byte[]> b = read(dir.resolve("b"));
    assertThat(
            a.keySet().equals(b.keySet())
                && a.entrySet().stream()
                    .allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey()))))
        .isFalse();
  }

  @Test
  void memoryApiShareFollowsTheSpecAndEachKindTellsTheTruth() {
    TreePlan plan = TreePlanner.plan(new TreeSpec(400, 200_000, 11, 0.5));
    int sources = 0;
    int calling = 0;
    for (FilePlan file : plan.files()) {
      String text = BenchTreeGenerator.render(file, plan);
      boolean calls = MEMORY_API.matcher(text).find();
      assertThat(calls)
          .as(file.path() + " (" + file.kind() + ")")
          .isEqualTo(file.kind().callsMemoryApi);
      if (!file.kind().isHeader()) {
        sources++;
        calling += calls ? 1 : 0;
      }
    }
    assertThat((double) calling / sources).isBetween(0.4, 0.6);
  }

  @Test
  void everyFileHasBalancedBracesAndParentheses() {
    TreePlan plan = TreePlanner.plan(new TreeSpec(200, 100_000, 3, 0.5));
    for (FilePlan file : plan.files()) {
      String text = withoutStringsAndComments(BenchTreeGenerator.render(file, plan));
      assertThat(depth(text, '{', '}')).as(file.path() + " braces").isZero();
      assertThat(depth(text, '(', ')')).as(file.path() + " parentheses").isZero();
    }
  }

  @Test
  void plannedPathsAreUnique() {
    List<String> paths =
        TreePlanner.plan(TreeSpec.defaults()).files().stream()
            .map(FilePlan::path)
            .collect(Collectors.toList());
    assertThat(paths).hasSize(TreeSpec.DEFAULT_FILES).doesNotHaveDuplicates();
  }

  @Test
  void rejectsTreesTooSmallToMake() {
    assertThatThrownBy(() -> new TreeSpec(3, 10_000, 1, 0.5)).hasMessageContaining("--files");
    assertThatThrownBy(() -> new TreeSpec(100, 1_000, 1, 0.5)).hasMessageContaining("--lines");
    assertThatThrownBy(() -> new TreeSpec(100, 100_000, 1, 1.5)).hasMessageContaining("share");
  }

  private static Map<String, byte[]> read(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
        files.put(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
      }
    }
    return files;
  }

  private static long countLines(byte[] data) {
    long n = 0;
    for (byte b : data) {
      n += b == '\n' ? 1 : 0;
    }
    return n;
  }

  private static String withoutStringsAndComments(String text) {
    return text.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("(?s)/\\*.*?\\*/", "");
  }

  private static int depth(String text, char open, char close) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == open) {
        depth++;
      } else if (c == close) {
        depth--;
        if (depth < 0) {
          return depth;
        }
      }
    }
    return depth;
  }
}
