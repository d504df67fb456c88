package dev.mrcheck.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.frontend.SourceFile;
import dev.mrcheck.frontend.SourceShape;
import dev.mrcheck.frontend.c.CFrontend;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.TranslationUnit;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Finding;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded fuzzing of the scan with damaged device files: one of a few real-looking files of
 * testdata/c is mutated (truncated, random bytes, deep nesting, a 1 MB literal, unbalanced braces,
 * {@code #if} without {@code #endif}, an open comment) and scanned next to the others untouched.
 * The scan must not fail, the untouched files' findings must be those of a scan without the mutated
 * file, and a mutated file that lost a function must show an input problem naming it. Everything
 * follows from the seed in the test's name: {@code -Dtest='MutatedTreeFuzzTest'} and the seed
 * reproduce a failure.
 */
class MutatedTreeFuzzTest {
  private static final List<String> BASES =
      List.of(
          "mr002_unparent_no_del_pci_exit.c",
          "mr002_goto_fail_skips_del.c",
          "mr001_two_refs_one_unref_pci_exit.c",
          "mr006_find_goto_fail_in_realize.c",
          "mr007_destroy_then_gfree_heap_as.c");

  private enum Mutation {
    TRUNCATE,
    RANDOM_BYTES,
    DEEP_NESTING,
    HUGE_LITERAL,
    UNBALANCED_BRACES,
    IF_WITHOUT_ENDIF,
    OPEN_COMMENT
  }

  /** Scans of the untouched files alone, by the base file left out (the one mutated). */
  private static final Map<String, List<String>> BASELINES = new HashMap<>();

  private static final Map<String, Integer> BASELINE_PARSED = new HashMap<>();

  @TempDir static Path work;

  @BeforeAll
  static void theLexicalFunctionsOfEachBaseAreTheParsedOnes() throws Exception {
    for (String base : BASES) {
      String text = Files.readString(Path.of("testdata/c", base));
      assertThat(lexicalFunctions(text))
          .as(base)
          .containsExactlyInAnyOrderElementsOf(parsedFunctions(base, text));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
  void aMutatedFileLosesOnlyItsOwnFindingsAndSaysWhatItLost(long seed) throws Exception {
    Random rnd = new Random(seed);
    String victim = BASES.get(rnd.nextInt(BASES.size()));
    byte[] original = Files.readAllBytes(Path.of("testdata/c", victim));
    List<Mutation> applied =
        new ArrayList<>(List.of(Mutation.values()[(int) (seed % Mutation.values().length)]));
    if (rnd.nextBoolean()) applied.add(Mutation.values()[rnd.nextInt(Mutation.values().length)]);
    byte[] mutated = original;
    for (Mutation m : applied) mutated = mutate(m, mutated, rnd);

    Path tree = untouchedTree("seed" + seed, victim);
    String name = "mutated_" + victim;
    Files.write(tree.resolve(name), mutated);
    ScanResult r = scan(tree); // an internal error (exit 3) would throw here

    List<String> untouched = keys(r).stream().filter(k -> !k.contains(name)).toList();
    assertThat(untouched)
        .as("findings of the untouched files after %s", applied)
        .isEqualTo(baseline(victim));

    boolean parsed = r.stats().filesParsed() > BASELINE_PARSED.get(victim);
    String text = new String(mutated, StandardCharsets.UTF_8);
    TranslationUnit tu = parse(name, text);
    boolean lost =
        !tu.functions().stream().map(Function::name).toList().containsAll(lexicalFunctions(text));
    if (parsed && (lost || !tu.problems().isEmpty())) {
      assertThat(r.problems())
          .as("input problems after %s", applied)
          .anyMatch(p -> p.loc().file().equals(name));
    }
  }

  private static List<String> baseline(String victim) throws Exception {
    if (!BASELINES.containsKey(victim)) {
      ScanResult r = scan(untouchedTree("without-" + victim, victim));
      BASELINES.put(victim, keys(r));
      BASELINE_PARSED.put(victim, r.stats().filesParsed());
    }
    return BASELINES.get(victim);
  }

  private static Path untouchedTree(String dir, String without) throws Exception {
    Path tree = Files.createDirectories(work.resolve(dir));
    for (String base : BASES) {
      if (!base.equals(without)) Files.copy(Path.of("testdata/c", base), tree.resolve(base));
    }
    return tree;
  }

  private static ScanResult scan(Path tree) throws ScanException {
    return new Scanner()
        .scan(
            new ScanRequest(
                List.of(tree), Semantics.CURRENT, Set.of(), List.of(), FrontendOptions.NONE, 2));
  }

  private static List<String> keys(ScanResult r) {
    return r.findings().stream().map(Finding::toString).sorted().toList();
  }

  private static SourceFile source(String name, String text) {
    return new SourceFile(Path.of("/fuzz/" + name), name, text);
  }

  private static List<String> lexicalFunctions(String text) {
    return SourceShape.of(text).bodies().stream().map(SourceShape.Body::name).toList();
  }

  private static List<String> parsedFunctions(String name, String text)
      throws InterruptedException {
    return parse(name, text).functions().stream().map(Function::name).toList();
  }

  /** Parsed as the scan parses: on a thread with the scan's parse stack. */
  private static TranslationUnit parse(String name, String text) throws InterruptedException {
    AtomicReference<TranslationUnit> out = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> out.set(new CFrontend(FrontendOptions.NONE).parse(source(name, text))),
            "fuzz-parse",
            Scanner.PARSE_STACK_BYTES);
    t.start();
    t.join();
    return out.get();
  }

  private static byte[] mutate(Mutation m, byte[] in, Random rnd) {
    return switch (m) {
      case TRUNCATE -> java.util.Arrays.copyOf(in, rnd.nextInt(in.length));
      case RANDOM_BYTES -> {
        byte[] junk = new byte[1 + rnd.nextInt(16)];
        rnd.nextBytes(junk);
        yield insert(in, rnd.nextInt(in.length + 1), junk);
      }
      case DEEP_NESTING -> {
        int depth =
            rnd.nextBoolean() ? 1_000 : 3_000; // under and over the limit of a body's nesting
        yield insertInBody(
            in, rnd, "    (void)(" + "(".repeat(depth) + "0" + ")".repeat(depth) + ");\n");
      }
      case HUGE_LITERAL ->
          insertInBody(
              in,
              rnd,
              rnd.nextBoolean()
                  ? "    (void)\"" + "A".repeat(1 << 20) + "\";\n"
                  : "    (void)" + "7".repeat(1 << 20) + ";\n");
      case UNBALANCED_BRACES ->
          insert(
              in,
              rnd.nextInt(in.length + 1),
              (rnd.nextBoolean() ? "{" : "}")
                  .repeat(1 + rnd.nextInt(3))
                  .getBytes(StandardCharsets.UTF_8));
      case IF_WITHOUT_ENDIF ->
          insert(in, lineStart(in, rnd), "#ifdef CONFIG_FUZZ\n".getBytes(StandardCharsets.UTF_8));
      case OPEN_COMMENT ->
          insert(in, lineStart(in, rnd), "/* never closed\n".getBytes(StandardCharsets.UTF_8));
    };
  }

  /** After a random function body's opening line ({@code {} alone on a line). */
  private static byte[] insertInBody(byte[] in, Random rnd, String statement) {
    String text = new String(in, StandardCharsets.ISO_8859_1);
    List<Integer> opens = new ArrayList<>();
    for (int i = text.indexOf("\n{\n"); i >= 0; i = text.indexOf("\n{\n", i + 1)) opens.add(i + 3);
    int at = opens.isEmpty() ? lineStart(in, rnd) : opens.get(rnd.nextInt(opens.size()));
    return insert(in, at, statement.getBytes(StandardCharsets.UTF_8));
  }

  private static int lineStart(byte[] in, Random rnd) {
    int at = rnd.nextInt(in.length + 1);
    while (at > 0 && in[at - 1] != '\n') at--;
    return at;
  }

  private static byte[] insert(byte[] in, int at, byte[] what) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + what.length);
    out.write(in, 0, at);
    out.write(what, 0, what.length);
    out.write(in, at, in.length - at);
    return out.toByteArray();
  }
}
