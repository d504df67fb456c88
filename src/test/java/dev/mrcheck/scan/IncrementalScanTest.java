package dev.mrcheck.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.cache.CacheStore;
import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans that reuse an earlier scan's work (the language server's) find exactly what a fresh scan of
 * the same texts finds, and reuse what an edit cannot have changed. The tree is part of the C
 * golden corpus (helpers across files, hierarchies across files, must-not-flag cases) plus the LSP
 * test workspace's device whose window a helper file unmaps.
 */
class IncrementalScanTest {
  /**
   * 1-based line of split/dev.c where the window is unparented (a finding once the helper stops
   * unmapping it).
   */
  private static final int DEV_UNPARENT = 35;

  private static final String HELPER_DEL =
      "    memory_region_del_subregion(get_system_memory(), &w->mr);\n";

  @TempDir Path tree;
  private ScanOverlay cached;
  private final Map<Path, String> buffers = new HashMap<>();

  @BeforeEach
  void copyTree() throws IOException {
    Path corpus = Path.of("testdata/c").toAbsolutePath();
    try (Stream<Path> files = Files.walk(corpus)) {
      for (Path f :
          files.filter(Files::isRegularFile).filter(IncrementalScanTest::inTree).toList()) {
        Path to = tree.resolve("corpus").resolve(corpus.relativize(f).toString());
        Files.createDirectories(to.getParent());
        Files.copy(f, to);
      }
    }
    for (String f : List.of("dev.c", "win.c", "win.h")) {
      try (InputStream in = getClass().getResourceAsStream("/lsp/workspace/split/" + f)) {
        Path to = tree.resolve("split").resolve(f);
        Files.createDirectories(to.getParent());
        Files.write(to, in.readAllBytes());
      }
    }
    cached = new ScanOverlay(Map.of(), true);
  }

  private static boolean inTree(Path corpusFile) {
    String top = corpusFile.toString().replace('\\', '/');
    top = top.substring(top.indexOf("testdata/c/") + "testdata/c/".length());
    return top.startsWith("mr002")
        || top.startsWith("mr001_hotplug")
        || top.startsWith("mr003_helper")
        || top.startsWith("ok_d");
  }

  private ScanRequest request() {
    return new ScanRequest(
        List.of(tree.toAbsolutePath()),
        Semantics.CURRENT,
        Set.of(),
        List.of(),
        FrontendOptions.NONE,
        2);
  }

  /**
   * An edit in the editor: the buffer's new text, scanned the way the server scans after a
   * keystroke.
   */
  private ScanResult edit(String file, String text) throws ScanException {
    buffers.put(tree.resolve(file).toAbsolutePath().normalize(), text);
    return new Scanner().scan(request(), cached.withEditedTexts(buffers));
  }

  private ScanResult fresh() throws ScanException {
    return new Scanner().scan(request(), new ScanOverlay(buffers, false));
  }

  private String read(String file) throws IOException {
    return Files.readString(tree.resolve(file), StandardCharsets.UTF_8);
  }

  private static void assertSameScan(ScanResult incremental, ScanResult fresh) {
    assertThat(incremental.findings()).isEqualTo(fresh.findings());
    assertThat(incremental.confirmations()).isEqualTo(fresh.confirmations());
    assertThat(incremental.problems()).isEqualTo(fresh.problems());
    ScanStats a = incremental.stats();
    ScanStats b = fresh.stats();
    assertThat(
            new ScanStats(
                a.filesFound(),
                a.filesParsed(),
                a.linesParsed(),
                a.functions(),
                a.droppedFunctions(),
                a.parseProblems(),
                0))
        .isEqualTo(
            new ScanStats(
                b.filesFound(),
                b.filesParsed(),
                b.linesParsed(),
                b.functions(),
                b.droppedFunctions(),
                b.parseProblems(),
                0));
  }

  private static boolean unparentFlagged(ScanResult r) {
    return r.findings().stream()
        .anyMatch(
            f ->
                f.ruleId().equals("MR002")
                    && f.loc().file().equals("split/dev.c")
                    && f.loc().line() == DEV_UNPARENT);
  }

  private ScanCache cache() {
    return cached.cache();
  }

  @Test
  void anEditInAHelperFileUpdatesTheCallersFindingAndReusesOtherDevices() throws Exception {
    ScanResult before = new Scanner().scan(request(), cached.withTexts(Map.of()));
    assertSameScan(before, fresh());
    assertThat(unparentFlagged(before)).isFalse();
    int replays = cache().replays().lastReplayed();

    String win = read("split/win.c");
    assertThat(win).contains(HELPER_DEL);
    ScanResult unmapRemoved =
        edit("split/win.c", win.replace(HELPER_DEL, "    // " + HELPER_DEL.strip() + "\n"));
    assertThat(unparentFlagged(unmapRemoved)).isTrue();
    assertSameScan(unmapRemoved, fresh());
    // The commented-out call is no call (LexicalIndex skips comments): win.c reaches nothing now
    // and is not parsed.
    assertThat(cache().lastParsed()).isZero();
    // The helper no longer calls the API: the call graph changed, so every replay ran again.
    assertThat(cache().lastKeptCallGraph()).isFalse();

    ScanResult restored = edit("split/win.c", win);
    assertThat(unparentFlagged(restored)).isFalse();
    assertSameScan(restored, fresh());

    // A change inside the helper that keeps its calls: only the replays walking it run again.
    ScanResult moved =
        edit("split/win.c", win.replace(HELPER_DEL, "    int unused = 0;\n" + HELPER_DEL));
    assertSameScan(moved, fresh());
    assertThat(cache().lastKeptCallGraph()).isTrue();
    assertThat(cache().replays().lastReplayed()).isBetween(1, 3);
    assertThat(cache().replays().lastReused())
        .isEqualTo(replays - cache().replays().lastReplayed());
  }

  @Test
  void anEditNoReplayWalksReusesEveryReplay() throws Exception {
    new Scanner().scan(request(), cached.withTexts(Map.of()));
    int replays = cache().replays().lastReplayed();
    ScanResult r =
        edit(
            "split/dev.c",
            read("split/dev.c") + "\n/* a comment at the end */\nstatic int spare;\n");
    assertSameScan(r, fresh());
    assertThat(cache().lastParsed()).isEqualTo(1);
    assertThat(cache().replays().lastReplayed()).isZero();
    assertThat(cache().replays().lastReused()).isEqualTo(replays);
  }

  @Test
  void aLineAddedAboveAnOpsTableKeepsTheCallGraph() throws Exception {
    new Scanner().scan(request(), cached.withTexts(Map.of()));
    String file = "corpus/mr002_callback_states_across_invocations.c";
    String text = read(file);
    assertThat(text).contains("MemoryRegionOps");
    // The table's entries move a line down; what they store, and where, is the same.
    ScanResult shifted = edit(file, "/* one more line */\n" + text);
    assertSameScan(shifted, fresh());
    assertThat(cache().lastParsed()).isEqualTo(1);
    assertThat(cache().lastKeptCallGraph()).isTrue();
    assertThat(cache().replays().lastReused()).isPositive();
  }

  @Test
  void linesShiftedAtTheTopOfAFileMoveItsFindingsAsAFreshScanWould() throws Exception {
    new Scanner().scan(request(), cached.withTexts(Map.of()));
    String file = "corpus/mr002_unparent_no_del_pci_exit.c";
    ScanResult shifted = edit(file, "\n\n\n" + read(file));
    assertSameScan(shifted, fresh());
    assertThat(cache().replays().lastReplayed()).isPositive();
    assertThat(cache().replays().lastReused()).isPositive();
    List<Finding> there =
        shifted.findings().stream().filter(f -> f.loc().file().equals(file)).toList();
    assertThat(there).isNotEmpty();

    // A new call into the API makes another file relevant: the fixpoint and the call graph are
    // redone.
    String ok = "corpus/ok_del_on_every_path_before_unparent.c";
    ScanResult called =
        edit(
            ok,
            read(ok)
                + "\nvoid spare_teardown(MemoryRegion *mr)\n{\n    object_unparent(OBJECT(mr));\n}\n");
    assertThat(cache().lastKeptCallGraph()).isFalse();
    assertSameScan(called, fresh());
  }

  @Test
  void aScanThatReadsTheDiskSeesFilesChangedOnDisk() throws Exception {
    new Scanner().scan(request(), cached.withTexts(Map.of()));
    Path win = tree.resolve("split/win.c");
    Files.writeString(win, read("split/win.c").replace(HELPER_DEL, ""));
    Files.setLastModifiedTime(
        win, FileTime.fromMillis(Files.getLastModifiedTime(win).toMillis() + 2000));
    ScanResult r = new Scanner().scan(request(), cached.withTexts(Map.of()));
    assertThat(unparentFlagged(r)).isTrue();
    assertSameScan(r, fresh());
  }

  @Test
  void anEditReadsTheStatementsOfTheEditedFunctionsOnly() throws Exception {
    new Scanner().scan(request(), cached.withTexts(Map.of()));
    assertThat(cache().replays().lastFactsRead()).isGreaterThan(2);
    ScanResult moved =
        edit(
            "split/win.c",
            read("split/win.c").replace(HELPER_DEL, "    int unused = 0;\n" + HELPER_DEL));
    assertSameScan(moved, fresh());
    // win.c defines one function; every other function's facts are those of the scan before.
    assertThat(cache().replays().lastFactsRead()).isEqualTo(1);
  }

  @Test
  void aFunctionStoredIntoAFieldRebuildsTheCallGraph() throws Exception {
    new Scanner().scan(request(), cached.withTexts(Map.of()));
    String dev = read("split/dev.c");
    String exitHook = "    k->exit = lspdev_exit;\n";
    assertThat(dev).contains(exitHook);
    // The same calls, but one more function stored into a field: a call through that field may
    // now reach it, so the call graph is not kept.
    ScanResult stored =
        edit(
            "split/dev.c",
            dev.replace(exitHook, exitHook + "    k->config_write = lspwin_unmap;\n"));
    assertThat(cache().lastKeptCallGraph()).isFalse();
    assertSameScan(stored, fresh());
  }

  @Test
  void aServerTakesTheParsesOfItsDiskScansFromTheOnDiskCache() throws Exception {
    Path dir = Files.createTempDirectory("mrcheck-lsp-cache");
    PersistentCache disk = new PersistentCache(new CacheStore(dir, 1L << 30, m -> {}));
    ScanResult first =
        new Scanner().analyze(request(), cached.withTexts(Map.of()), ScanListener.NONE, disk);
    long written = disk.store().counts(PersistentCache.IR).writes();
    assertThat(written).isPositive();

    // A second server over the same cache: every parse is read back, the findings are the same.
    PersistentCache again = new PersistentCache(new CacheStore(dir, 1L << 30, m -> {}));
    ScanOverlay restarted = new ScanOverlay(Map.of(), true);
    ScanResult second =
        new Scanner().analyze(request(), restarted.withTexts(Map.of()), ScanListener.NONE, again);
    assertThat(again.store().counts(PersistentCache.IR).hits()).isEqualTo(written);
    assertThat(again.store().counts(PersistentCache.IR).writes()).isZero();
    assertSameScan(second, first);
    assertSameScan(second, new Scanner().analyze(request()));

    // An open buffer is parsed as it is, never stored: only what is on disk is.
    Path win = tree.resolve("split/win.c").toAbsolutePath().normalize();
    String edited = read("split/win.c").replace(HELPER_DEL, "    int unused = 0;\n" + HELPER_DEL);
    PersistentCache third = new PersistentCache(new CacheStore(dir, 1L << 30, m -> {}));
    new Scanner()
        .analyze(
            request(),
            new ScanOverlay(Map.of(), true).withTexts(Map.of(win, edited)),
            ScanListener.NONE,
            third);
    assertThat(third.store().counts(PersistentCache.IR).writes()).isZero();
    assertThat(third.store().counts(PersistentCache.IR).hits()).isEqualTo(written - 1);
  }
}
