package dev.mrcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.cache.CacheStore;
import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.scan.PersistentCache;
import dev.mrcheck.scan.ScanListener;
import dev.mrcheck.scan.ScanOverlay;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.Scanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The on-disk cache end to end, through {@code mrcheck scan} with the real scanner: a warm scan
 * prints what a cold one does, damaged entries are recomputed, any changed input invalidates, and
 * {@code --no-cache} keeps nothing. Every cache lives in a temporary directory.
 */
class CacheCliTest {
  private static final Path TESTDATA = Path.of("testdata/c");

  @TempDir Path tmp;
  private Path tree;
  private Path cache;

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void copyATree() throws IOException {
    tree = tmp.resolve("tree");
    cache = tmp.resolve("cache");
    Files.createDirectories(tree);
    for (String f :
        List.of(
            "mr002_del_on_one_branch_only.c",
            "mr001_two_refs_one_unref_pci_exit.c",
            "mr002_unparent_no_del_pci_exit.c")) {
      Files.copy(TESTDATA.resolve(f), tree.resolve(f));
    }
    copyDir(TESTDATA.resolve("mr002_helper_unparent_no_del"), tree.resolve("helper"));
    // A file the scan does not parse (it calls nothing of the API), and one with a suppression.
    Files.writeString(tree.resolve("util.c"), "static int twice(int x)\n{\n    return 2 * x;\n}\n");
    String refs = Files.readString(tree.resolve("mr001_two_refs_one_unref_pci_exit.c"));
    Files.writeString(
        tree.resolve("mr001_two_refs_one_unref_pci_exit.c"),
        refs.replaceFirst("// BUG: MR001[^\\n]*", "// mrcheck: ignore MR001 -- kept for the test"));
  }

  private static void copyDir(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path p : s.toList()) Files.copy(p, to.resolve(p.getFileName()));
    }
  }

  private Run scan(String... args) {
    List<String> all = new ArrayList<>(List.of("scan", "--no-config", "--fail-on", "none"));
    all.addAll(List.of(args));
    all.add(tree.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Main.run(
            CliContext.production(),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private Run cached(String... args) {
    List<String> all = new ArrayList<>(List.of("--cache-dir", cache.toString(), "--profile"));
    all.addAll(List.of(args));
    return scan(all.toArray(String[]::new));
  }

  private Run cold(String... args) {
    List<String> all = new ArrayList<>(List.of("--no-cache"));
    all.addAll(List.of(args));
    return scan(all.toArray(String[]::new));
  }

  /** The profile's cache line, e.g. "result 1 hits, 0 misses". */
  private static String cacheLine(Run r) {
    return r.err().lines().filter(l -> l.strip().startsWith("cache ")).findFirst().orElse("");
  }

  private List<Path> entries(String kind) throws IOException {
    Path dir = cache.resolve("v1").resolve(kind);
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void aWarmScanPrintsWhatAColdOneDoesInEveryFormat() {
    for (String format : List.of("text", "json", "sarif")) {
      Run cold = cold("--format", format, "--trace");
      Run first = cached("--format", format, "--trace");
      Run warm = cached("--format", format, "--trace");
      assertThat(cold.out()).contains("MR002");
      assertThat(first.out()).isEqualTo(cold.out());
      assertThat(warm.out()).isEqualTo(cold.out());
      assertThat(warm.exit()).isEqualTo(cold.exit());
      assertThat(cacheLine(warm)).contains("result 1 hits, 0 misses");
    }
  }

  @Test
  void damagedEntriesAreRecomputedNotTrusted() throws IOException {
    Run cold = cold();
    cached();
    for (Path p : entries("result")) {
      byte[] b = Files.readAllBytes(p);
      b[b.length / 2] ^= 0x55;
      Files.write(p, b);
    }
    for (Path p : entries("ir")) Files.write(p, new byte[] {'M', 'R', 'C'});
    Run again = cached();
    assertThat(again.out()).isEqualTo(cold.out());
    assertThat(cacheLine(again)).contains("result 0 hits, 1 misses (1 damaged)");
    assertThat(cacheLine(again)).containsPattern("ir 0 hits, \\d+ misses \\(\\d+ damaged\\)");
    Run healed = cached();
    assertThat(healed.out()).isEqualTo(cold.out());
    assertThat(cacheLine(healed)).contains("result 1 hits");
  }

  /** The profile's "replays run: N". */
  private static int replaysRun(Run r) {
    Matcher m = Pattern.compile("replays run: (\\d+)").matcher(r.err());
    assertThat(m.find()).as("a profile with replays run: " + r.err()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  void anEditRerunsOnlyTheReplaysThatWalkAnEditedFunction() throws IOException {
    Run first = cached("--format", "sarif", "--trace");
    int all = replaysRun(first);
    assertThat(all).isGreaterThan(1);
    Path f = tree.resolve("mr002_del_on_one_branch_only.c");
    Files.writeString(f, "/* a line that moves this file's findings */\n" + Files.readString(f));
    Run warm = cached("--format", "sarif", "--trace");
    assertThat(warm.out()).isEqualTo(cold("--format", "sarif", "--trace").out());
    assertThat(warm.out()).isNotEqualTo(first.out());
    assertThat(replaysRun(warm)).isPositive().isLessThan(all);
    assertThat(cacheLine(warm)).containsPattern("replay [1-9]\\d* hits");
    // A statement the whole-program structures do not read (a local's value): the same.
    Files.writeString(
        f, Files.readString(f).replaceFirst("(?m)^(\\s*)return;", "$1(void)0;\n$1return;"));
    Run statement = cached("--format", "sarif", "--trace");
    assertThat(statement.out()).isEqualTo(cold("--format", "sarif", "--trace").out());
  }

  @Test
  void damagedReplayEntriesAreRecomputedNotTrusted() throws IOException {
    cached();
    assertThat(entries("replay")).isNotEmpty();
    int n = 0;
    for (Path p : entries("replay")) {
      byte[] b = Files.readAllBytes(p);
      if (n++ % 2 == 0) {
        b[b.length / 2] ^= 0x55;
        Files.write(p, b);
      } else {
        Files.write(p, Arrays.copyOf(b, b.length / 2));
      }
    }
    // An edit elsewhere, so that the result is not found and the replays are looked up.
    Path util = tree.resolve("util.c");
    Files.writeString(util, Files.readString(util) + "/* edited */\n");
    Path f = tree.resolve("mr002_del_on_one_branch_only.c");
    Files.writeString(f, Files.readString(f) + "/* edited */\n");
    Run again = cached("--format", "sarif", "--trace");
    assertThat(again.out()).isEqualTo(cold("--format", "sarif", "--trace").out());
    assertThat(cacheLine(again)).containsPattern("replay 0 hits, (\\d+) misses \\(\\1 damaged\\)");
    Files.writeString(f, Files.readString(f) + "/* edited again */\n");
    Run healed = cached("--format", "sarif", "--trace");
    assertThat(healed.out()).isEqualTo(cold("--format", "sarif", "--trace").out());
    assertThat(cacheLine(healed)).containsPattern("replay [1-9]\\d* hits");
  }

  @Test
  void anEditedFileIsScannedAgain() throws IOException {
    cached();
    Path f = tree.resolve("mr002_del_on_one_branch_only.c");
    String fixed =
        Files.readString(f)
            .replace(
                "    object_unparent(OBJECT(&s->legacy_io));",
                "    memory_region_del_subregion(pci_address_space_io(pdev), &s->legacy_io);\n"
                    + "    object_unparent(OBJECT(&s->legacy_io));");
    Files.writeString(f, fixed);
    Run warm = cached();
    Run cold = cold();
    assertThat(warm.out()).isEqualTo(cold.out());
    assertThat(warm.out()).doesNotContain("mr002_del_on_one_branch_only.c:65");
    assertThat(cacheLine(warm)).contains("result 0 hits");
  }

  @Test
  void aServerEditAndAWarmScanAfterTheSameEditAgreeWithAColdScan() throws Exception {
    cached();
    ScanRequest request =
        new ScanRequest(
            List.of(tree.toAbsolutePath()),
            Semantics.CURRENT,
            Set.of(),
            List.of(),
            FrontendOptions.NONE,
            2);
    // A server over the cache the scan filled: same root, so it reads the scan's parses.
    PersistentCache disk = new PersistentCache(new CacheStore(cache, 1L << 30, m -> {}));
    ScanOverlay server = new ScanOverlay(Map.of(), true);
    new Scanner().analyze(request, server.withTexts(Map.of()), ScanListener.NONE, disk);
    assertThat(disk.store().counts(PersistentCache.IR).hits()).isPositive();
    assertThat(disk.store().counts(PersistentCache.IR).writes()).isZero();

    Path f = tree.resolve("mr002_del_on_one_branch_only.c");
    String fixed =
        Files.readString(f)
            .replace(
                "    object_unparent(OBJECT(&s->legacy_io));",
                "    memory_region_del_subregion(pci_address_space_io(pdev), &s->legacy_io);\n"
                    + "    object_unparent(OBJECT(&s->legacy_io));");
    ScanResult edited =
        new Scanner()
            .analyze(
                request,
                server.withEditedTexts(Map.of(f.toAbsolutePath().normalize(), fixed)),
                ScanListener.NONE);
    Files.writeString(f, fixed);
    ScanResult fresh = new Scanner().analyze(request);
    assertThat(edited.findings()).isEqualTo(fresh.findings());
    assertThat(edited.confirmations()).isEqualTo(fresh.confirmations());
    assertThat(edited.findings()).noneMatch(x -> x.loc().file().endsWith("only.c"));

    Run warm = cached();
    assertThat(warm.out()).isEqualTo(cold().out());
  }

  @Test
  void anEditWithTheSameSizeAndTimeRightAfterAReadIsStillSeen() throws IOException {
    Path f = tree.resolve("mr002_del_on_one_branch_only.c");
    FileTime time = Files.getLastModifiedTime(f);
    Run before = cached();
    // Same length, same modification time: only the racy-time guard can tell (the file was read
    // within seconds of its last change, so its stat is not trusted).
    Files.writeString(
        f,
        Files.readString(f)
            .replace(
                "object_unparent(OBJECT(&s->legacy_io))",
                "object_unparenx(OBJECT(&s->legacy_io))"));
    Files.setLastModifiedTime(f, time);
    Run warm = cached();
    Run cold = cold();
    assertThat(warm.out()).isEqualTo(cold.out()).isNotEqualTo(before.out());
  }

  @Test
  void aLineAddedToAParsedFileKeepsTheRelevancePlanAndMovesItsFindings() throws IOException {
    Run before = cached();
    Path f = tree.resolve("helper/helpers.c");
    Files.writeString(f, "/* a line that moves every finding below it */\n" + Files.readString(f));
    Run warm = cached();
    assertThat(warm.out()).isEqualTo(cold().out()).isNotEqualTo(before.out());
    assertThat(cacheLine(warm)).contains("result 0 hits").contains("relevance 1 hits");
    assertThat(warm.err()).contains("(the last scan's, kept: parsed in one go)");
  }

  @Test
  void aLineAddedAboveAnOpsTableKeepsThePlan() throws IOException {
    cached();
    Path f = tree.resolve("helper/dev.c");
    Files.writeString(f, "/* moves the ops table down a line */\n" + Files.readString(f));
    Run warm = cached();
    assertThat(warm.out()).isEqualTo(cold().out());
    assertThat(warm.err()).contains("(the last scan's, kept: parsed in one go)");
  }

  @Test
  void aStatementChangedWithoutTouchingCallsKeepsThePlan() throws IOException {
    cached();
    Path f = tree.resolve("helper/helpers.c");
    Files.writeString(f, Files.readString(f).replace("w->size = 0;", "w->size = 1;"));
    Run warm = cached();
    assertThat(warm.out()).isEqualTo(cold().out());
    assertThat(cacheLine(warm)).contains("relevance 1 hits");
    assertThat(warm.err()).contains("(the last scan's, kept: parsed in one go)");
  }

  @Test
  void aSecondCallOfANameTheFileCallsDropsThePlan() throws IOException {
    cached();
    Path f = tree.resolve("helper/dev.c");
    String twice =
        Files.readString(f)
            .replace(
                "    xwin_window_destroy(&s->legacy);\n",
                "    xwin_window_destroy(&s->legacy);\n    xwin_window_destroy(&s->legacy);\n");
    Files.writeString(f, twice);
    // Same lexical facts, so the plan is found; the call graph input differs, so it is not used.
    Run warm = cached();
    assertThat(cacheLine(warm)).contains("relevance 1 hits");
    assertThat(warm.err()).doesNotContain("kept: parsed in one go");
    assertThat(warm.out()).isEqualTo(cold().out());
    Run again = cached();
    assertThat(again.out()).isEqualTo(warm.out());
  }

  @Test
  void anEditToAHelperAnotherFileCallsChangesItsFinding() throws IOException {
    Run before = cached();
    assertThat(before.out()).contains("helpers.c:13");
    Path f = tree.resolve("helper/helpers.c");
    Files.writeString(
        f, Files.readString(f).replace("    object_unparent(OBJECT(&w->alias));\n", ""));
    Run warm = cached();
    assertThat(warm.out()).isEqualTo(cold().out());
    assertThat(warm.out()).doesNotContain("helpers.c:13");
  }

  @Test
  void deletedAndNewFilesAreSeen() throws IOException {
    cached();
    Files.delete(tree.resolve("mr002_unparent_no_del_pci_exit.c"));
    Run deleted = cached();
    assertThat(deleted.out()).isEqualTo(cold().out()).doesNotContain("mr002_unparent_no_del");
    Files.copy(TESTDATA.resolve("mr002_unparent_no_del_pci_exit.c"), tree.resolve("new_device.c"));
    Run added = cached();
    assertThat(added.out()).isEqualTo(cold().out()).contains("new_device.c");
  }

  @Test
  void anUnparsedFileEditedWithoutNewCallsKeepsTheResult() throws IOException {
    cached();
    Path f = tree.resolve("util.c");
    Files.writeString(f, "/* a comment */\n" + Files.readString(f));
    Run warm = cached();
    assertThat(warm.out()).isEqualTo(cold().out());
    assertThat(cacheLine(warm)).contains("result 1 hits");
  }

  @Test
  void otherOptionsOrAnEditedModelComputeAfresh() throws IOException {
    cached();
    Run legacy = cached("--semantics", "legacy");
    assertThat(legacy.out()).isEqualTo(cold("--semantics", "legacy").out());
    assertThat(cacheLine(legacy)).contains("result 0 hits");
    Run defined = cached("-D", "CONFIG_X=1");
    assertThat(defined.out()).isEqualTo(cold("-D", "CONFIG_X=1").out());
    assertThat(cacheLine(defined)).contains("result 0 hits");

    Path model = tmp.resolve("extra.mrm");
    Files.writeString(model, "# nothing yet\n");
    Run withModel = cached("--model", model.toString());
    assertThat(withModel.out()).isEqualTo(cold("--model", model.toString()).out());
    Files.writeString(model, "# nothing yet, still\n");
    Run edited = cached("--model", model.toString());
    assertThat(edited.out()).isEqualTo(cold("--model", model.toString()).out());
    assertThat(cacheLine(edited)).contains("result 0 hits");
  }

  @Test
  void concurrentScansShareTheCacheSafely() throws Exception {
    Run cold = cold("--format", "sarif");
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Run>> runs = new ArrayList<>();
      for (int i = 0; i < 3; i++) runs.add(pool.submit(() -> cached("--format", "sarif")));
      for (Future<Run> r : runs) assertThat(r.get().out()).isEqualTo(cold.out());
    } finally {
      pool.shutdownNow();
    }
    Run warm = cached("--format", "sarif");
    assertThat(warm.out()).isEqualTo(cold.out());
    assertThat(cacheLine(warm)).contains("result 1 hits").doesNotContain("damaged");
  }

  @Test
  void noCacheWritesNothing() {
    Run r = scan("--no-cache", "--cache-dir", cache.toString());
    assertThat(r.exit()).isZero();
    assertThat(cache).doesNotExist();
  }

  @Test
  void anUnusableCacheWarnsOnceAndTheScanGoesOn() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    Run r = scan("--cache-dir", file.toString());
    assertThat(r.out()).isEqualTo(cold().out());
    assertThat(r.err().lines().filter(l -> l.startsWith("mrcheck: warning: cache"))).hasSize(1);

    Path inside = tree.resolve("cache-in-tree");
    Run in = scan("--cache-dir", inside.toString());
    assertThat(in.err()).contains("lies in the scanned tree");
    assertThat(inside).doesNotExist();
  }

  @Test
  void cacheInfoAndClear() {
    cached();
    cached();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Main.run(
            CliContext.production(),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "cache",
            "info",
            "--cache-dir",
            cache.toString());
    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("cache: " + cache)
        .containsPattern("ir: \\d+ entries")
        .contains("result: 1 entries")
        .contains("result: 1 hits, 0 misses (100% hit rate)");

    StringWriter cleared = new StringWriter();
    Main.run(
        CliContext.production(),
        new PrintWriter(cleared, true),
        new PrintWriter(err, true),
        "cache",
        "clear",
        "--cache-dir",
        cache.toString());
    assertThat(cleared.toString()).containsPattern("\\d+ entries deleted");
    StringWriter after = new StringWriter();
    Main.run(
        CliContext.production(),
        new PrintWriter(after, true),
        new PrintWriter(err, true),
        "cache",
        "info",
        "--cache-dir",
        cache.toString());
    assertThat(after.toString()).contains("in 0 entries");
  }
}
