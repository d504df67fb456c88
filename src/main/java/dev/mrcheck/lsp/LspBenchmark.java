package dev.mrcheck.lsp;

import com.sun.management.OperatingSystemMXBean;
import dev.mrcheck.scan.PersistentCache;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;

/**
 * The language server's figures on a real tree ({@code mrcheck bench lsp --tree DIR}): the time and
 * memory of the first index of the workspace, then the edit-to-diagnostics latency of {@code edits}
 * edits to one file, each a line added (then removed again) at a blank line in the middle of the
 * file, so that everything below it moves, as when someone types. The server runs in this JVM and
 * is driven through its LSP interface, without the JSON-RPC transport; it prints figures and never
 * fails on them.
 */
public final class LspBenchmark {
  /** The targets: printed next to the figures. */
  static final long INDEX_TARGET_MILLIS = 10_000;

  static final long RSS_TARGET_BYTES = 1L << 30;
  static final long EDIT_TARGET_MILLIS = 300;

  /** Bound on any one wait: a hung server must not hang the benchmark. */
  private static final long TIMEOUT_SECONDS = 600;

  /**
   * What to measure. {@code file}: the edited file, or null for the {@code .c} file under the tree
   * that calls the memory API and is closest to 3,000 lines; {@code disk}: the on-disk cache the
   * server uses (null: none, the cold index).
   */
  public record Options(
      Path tree, Path file, int edits, long debounceMillis, PersistentCache disk) {
    public Options(Path tree, Path file, int edits, long debounceMillis) {
      this(tree, file, edits, debounceMillis, null);
    }
  }

  /** What was measured; {@code peakRssBytes} is -1 where /proc is not there. */
  public record Figures(
      long indexMillis,
      long heapAfterIndexBytes,
      long peakRssBytes,
      long openMillis,
      List<Long> editMillis) {
    long percentile(int p) {
      List<Long> sorted = new ArrayList<>(editMillis);
      Collections.sort(sorted);
      int i = (int) Math.ceil(sorted.size() * p / 100.0) - 1;
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
  }

  private LspBenchmark() {}

  public static Figures run(Options options, PrintStream out) throws Exception {
    Path tree = options.tree().toAbsolutePath().normalize();
    Path file = options.file() != null ? options.file().toAbsolutePath().normalize() : pick(tree);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int editLine = blankLineNearMiddle(text);
    out.printf(
        "workspace: %s; edited file %s (%d lines), a line added and removed at line %d%n",
        tree, tree.relativize(file), text.split("\n", -1).length - 1, editLine + 1);

    RecordingClient client = new RecordingClient();
    MrcheckLanguageServer server =
        new MrcheckLanguageServer(options.debounceMillis(), code -> {}, options.disk());
    server.connect(client);
    try {
      long t0 = System.nanoTime();
      long cpu0 = processCpuNanos();
      InitializeParams init = new InitializeParams();
      init.setWorkspaceFolders(List.of(new WorkspaceFolder(tree.toUri().toString(), "bench")));
      init.setCapabilities(new ClientCapabilities());
      server.initialize(init).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      server.initialized(new InitializedParams());
      String line = client.awaitAnalysis(0, TIMEOUT_SECONDS);
      long indexMillis = millisSince(t0);
      long indexCpuMillis = (processCpuNanos() - cpu0) / 1_000_000;
      long heap = heapAfterGc();
      long rss = peakRss();
      out.printf(
          "index      %d ms (target %d), %d ms cpu, heap after GC %s, peak rss %s (target %s); %s%n",
          indexMillis,
          INDEX_TARGET_MILLIS,
          indexCpuMillis,
          mib(heap),
          rss < 0 ? "n/a" : mib(rss),
          mib(RSS_TARGET_BYTES),
          line);

      String uri = file.toUri().toString();
      long t1 = System.nanoTime();
      int analyses = client.analyses();
      server
          .getTextDocumentService()
          .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "c", 1, text)));
      client.awaitVersion(uri, 1, TIMEOUT_SECONDS);
      long openMillis = millisSince(t1);
      client.awaitAnalysis(analyses, TIMEOUT_SECONDS);
      out.printf("open       %d ms to the file's diagnostics%n", openMillis);

      List<Long> edits = new ArrayList<>();
      List<Long> editCpu = new ArrayList<>();
      String lastEdit = "";
      for (int i = 0; i < options.edits(); i++) {
        int version = i + 2;
        Position at = new Position(editLine, 0);
        TextDocumentContentChangeEvent change =
            i % 2 == 0
                ? new TextDocumentContentChangeEvent(
                    new Range(at, at), "// mrcheck bench edit " + i + "\n")
                : new TextDocumentContentChangeEvent(
                    new Range(at, new Position(editLine + 1, 0)), "");
        analyses = client.analyses();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        server
            .getTextDocumentService()
            .didChange(
                new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, version), List.of(change)));
        client.awaitVersion(uri, version, TIMEOUT_SECONDS);
        edits.add(millisSince(start));
        editCpu.add((processCpuNanos() - cpuStart) / 1_000_000);
        lastEdit = client.awaitAnalysis(analyses, TIMEOUT_SECONDS);
        // A pause longer than the debounce window, as someone pausing after an edit: each edit is
        // analyzed at once.
        Thread.sleep(options.debounceMillis() + 50);
      }
      Figures figures = new Figures(indexMillis, heap, peakRss(), openMillis, edits);
      if (!edits.isEmpty()) {
        out.printf(
            "edits      %d: median %d ms, p90 %d ms, min %d, max %d (target: median %d)%n",
            edits.size(),
            figures.percentile(50),
            figures.percentile(90),
            Collections.min(edits),
            Collections.max(edits),
            EDIT_TARGET_MILLIS);
        out.println("           all: " + edits);
        out.println("           process cpu per edit, ms: " + editCpu);
        out.println("           last: " + lastEdit);
      }
      long rssEnd = peakRss();
      out.printf(
          "rss        peak %s (whole JVM, index and edits)%n", rssEnd < 0 ? "n/a" : mib(rssEnd));
      return figures;
    } finally {
      server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }

  /** The .c file calling the memory API whose length is closest to 3,000 lines. */
  static Path pick(Path tree) throws IOException {
    Path best = null;
    long bestDistance = Long.MAX_VALUE;
    try (Stream<Path> s = Files.walk(tree)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".c")).sorted().toList()) {
        String text;
        try {
          text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
          continue;
        }
        if (!text.contains("memory_region_init")) continue;
        long distance = Math.abs(text.split("\n", -1).length - 1 - 3000);
        if (distance < bestDistance) {
          best = p;
          bestDistance = distance;
        }
      }
    }
    if (best == null)
      throw new IOException("no .c file under " + tree + " calls memory_region_init*");
    return best;
  }

  /**
   * The 0-based index of the first blank line at or after the middle (else the last line): a blank
   * line is never inside a string literal or a macro definition, so a line comment there changes
   * nothing but the positions below it.
   */
  static int blankLineNearMiddle(String text) {
    String[] lines = text.split("\n", -1);
    for (int i = lines.length / 2; i < lines.length - 1; i++) if (lines[i].isBlank()) return i;
    return Math.max(0, lines.length - 1);
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** The whole process's CPU time (every thread, the JIT and the collector included). */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os)
      return os.getProcessCpuTime();
    return -1;
  }

  private static long heapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** VmHWM: the process's peak resident set, or -1 without /proc. */
  static long peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:"))
          return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  private static String mib(long bytes) {
    return String.format("%.0f MB", bytes / 1e6);
  }
}
