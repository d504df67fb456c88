package dev.mrcheck.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.Scanner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shape and determinism of the generated Java tree; no timing here. */
class BenchJavaTreeGeneratorTest {
  /** Calls of the modelled memory API through the facade or the FFM bindings. */
  private static final Pattern MEMORY_API =
      Pattern.compile(
          "\\b(MemoryRegion\\.(io|ram|container|alias)|\\.(add|del)Subregion\\w*|\\.(un)?ref"
              + "|\\.unparent|AddressSpace\\.create|\\.destroy|registerBar|initMmio"
              + "|memory_h\\.\\w+|qom_h\\.object_unparent|pci_h\\.pci_register_bar)\\s*\\(");

  private static final JavaTreeSpec SMALL = new JavaTreeSpec(60, 7);

  @Test
  void smallTreeHasTheRequestedClassesOnePerFile(@TempDir Path dir) throws IOException {
    JavaTreeSummary summary = BenchJavaTreeGenerator.generate(dir, SMALL);

    Map<String, byte[]> files = read(dir);
    assertThat(files).hasSize(60);
    assertThat(summary.files()).isEqualTo(60);
    assertThat(summary.stubs()).isEqualTo(JavaStubs.COUNT);
    assertThat(summary.stubs() + summary.helpers() + summary.devices() + summary.logic())
        .isEqualTo(60);
    assertThat(files)
        .containsKeys(
            "api/MemoryRegion.java", "api/memory_h.java", "api/PCIDevice.java", "api/Realize.java");
    assertThat(files.keySet()).allMatch(p -> p.startsWith("api/") || p.startsWith("hw/"));
    files.forEach(
        (path, bytes) -> {
          String text = new String(bytes, StandardCharsets.US_ASCII);
          String pkg = path.substring(0, path.lastIndexOf('/')).replace('/', '.');
          String cls = path.substring(path.lastIndexOf('/') + 1, path.length() - ".java".length());
          assertThat(text)
              .as(path)
              .startsWith("package " + pkg + ";\n")
              .containsPattern(
                  "public (final class|abstract class|@interface|interface) " + cls + "\\b");
        });
    long lines = files.values().stream().mapToLong(BenchJavaTreeGeneratorTest::countLines).sum();
    assertThat(lines).isEqualTo(summary.lines());
    assertThat(files.values().stream().mapToLong(b -> b.length).sum()).isEqualTo(summary.bytes());
  }

  @Test
  void sameSeedGivesIdenticalBytesAndAnotherSeedAnotherTree(@TempDir Path dir) throws IOException {
    BenchJavaTreeGenerator.generate(dir.resolve("a"), SMALL);
    BenchJavaTreeGenerator.generate(dir.resolve("b"), SMALL);
    BenchJavaTreeGenerator.generate(dir.resolve("c"), new JavaTreeSpec(60, 8));

    Map<String, byte[]> a = read(dir.resolve("a"));
    Map<String, byte[]> b = read(dir.resolve("b"));
    Map<String, byte[]> c = read(dir.resolve("c"));
    assertThat(b.keySet()).isEqualTo(a.keySet());
    assertThat(a).allSatisfy((path, bytes) -> assertThat(b.get(path)).as(path).isEqualTo(bytes));
    assertThat(
            a.keySet().equals(c.keySet())
                && a.entrySet().stream()
                    .allMatch(e -> Arrays.equals(e.getValue(), c.get(e.getKey()))))
        .isFalse();
  }

  @Test
  void defaultTreeMixesBothBindingStylesAndPlantsBugsInPciDevicesOnly() {
    List<JavaFilePlan> plan = JavaTreePlanner.plan(JavaTreeSpec.defaults());
    assertThat(plan).hasSize(JavaTreeSpec.DEFAULT_CLASSES);
    assertThat(plan.stream().map(JavaFilePlan::className)).doesNotHaveDuplicates();
    Map<JavaFileKind, Integer> kinds = new EnumMap<>(JavaFileKind.class);
    for (JavaFilePlan file : plan) {
      kinds.merge(file.kind(), 1, Integer::sum);
      if (file.plantedBug() != FilePlan.PlantedBug.NONE) {
        assertThat(file.kind().pci).as(file.path()).isTrue();
      }
    }
    assertThat(kinds.keySet()).containsAll(Arrays.asList(JavaFileKind.values()));
    long planted = plan.stream().filter(f -> f.plantedBug() != FilePlan.PlantedBug.NONE).count();
    assertThat(planted).isBetween(30L, 120L);
  }

  @Test
  void eachKindTellsTheTruthAboutCallingTheMemoryApiAndPlantedBugsAreMarked() {
    for (JavaFilePlan file : JavaTreePlanner.plan(new JavaTreeSpec(400, 11))) {
      if (file.kind() == JavaFileKind.API_STUB) {
        continue; // declares the API, calls nothing
      }
      String text = BenchJavaTreeGenerator.render(file);
      assertThat(MEMORY_API.matcher(text).find())
          .as(file.path() + " (" + file.kind() + ")")
          .isEqualTo(file.kind().callsMemoryApi);
      assertThat(text.contains("// Planted MR00"))
          .as(file.path())
          .isEqualTo(file.plantedBug() != FilePlan.PlantedBug.NONE);
      String code = text.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
      assertThat(depth(code, '{', '}')).as(file.path() + " braces").isZero();
      assertThat(depth(code, '(', ')')).as(file.path() + " parentheses").isZero();
    }
  }

  /** javac accepts the tree; before JDK 22 java.lang.foreign.MemorySegment is stubbed in. */
  @Test
  void generatedTreeCompiles(@TempDir Path dir) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("the JDK running the tests has javac (mvn needs one)").isNotNull();
    Path tree = dir.resolve("tree");
    BenchJavaTreeGenerator.generate(tree, new JavaTreeSpec(50, 5));
    List<String> args =
        new ArrayList<>(List.of("-d", dir.resolve("out").toString(), "-proc:none", "-nowarn"));
    if (Runtime.version().feature() < 22) {
      Path stub = dir.resolve("foreign/java/lang/foreign/MemorySegment.java");
      Files.createDirectories(stub.getParent());
      Files.writeString(
          stub,
          "package java.lang.foreign;\n"
              + "public interface MemorySegment { MemorySegment NULL = null; }\n");
      args.addAll(
          List.of("--patch-module", "java.base=" + dir.resolve("foreign"), stub.toString()));
    }
    try (Stream<Path> paths = Files.walk(tree)) {
      paths.filter(p -> p.toString().endsWith(".java")).map(Path::toString).forEach(args::add);
    }
    ByteArrayOutputStream errors = new ByteArrayOutputStream();

    int exit = javac.run(null, null, errors, args.toArray(String[]::new));

    assertThat(exit).as(errors.toString(StandardCharsets.UTF_8)).isZero();
  }

  /** Only the planted bugs are reported: the rest of the tree uses patterns the rules accept. */
  @Test
  void aScanReportsExactlyThePlantedBugs(@TempDir Path dir) throws Exception {
    JavaTreeSpec spec = new JavaTreeSpec(30, 3);
    JavaTreeSummary summary = BenchJavaTreeGenerator.generate(dir, spec);
    assertThat(summary.plantedBugs()).as("bugs planted in a 30-file tree").isPositive();
    Set<String> planted =
        JavaTreePlanner.plan(spec).stream()
            .filter(f -> f.plantedBug() != FilePlan.PlantedBug.NONE)
            .map(JavaFilePlan::path)
            .collect(Collectors.toCollection(TreeSet::new));

    ScanResult result =
        new Scanner()
            .scan(
                new ScanRequest(
                    List.of(dir), Semantics.CURRENT, Set.of(), List.of(), FrontendOptions.NONE, 2));

    Set<String> reported =
        result.findings().stream()
            .map(BenchJavaTreeGeneratorTest::fileOf)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(reported).isEqualTo(planted);
    assertThat(result.findings()).hasSize(summary.plantedBugs());
  }

  private static String fileOf(Finding finding) {
    return finding.loc().file().replace('\\', '/');
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
