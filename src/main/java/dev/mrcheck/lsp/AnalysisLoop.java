package dev.mrcheck.lsp;

import dev.mrcheck.pipeline.AnalysisSettings;
import dev.mrcheck.pipeline.FindingsPipeline;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.scan.PersistentCache;
import dev.mrcheck.scan.ScanCache;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanListener;
import dev.mrcheck.scan.ScanOverlay;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.Scanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

/**
 * Re-analysis: re-runs the whole-workspace scan with the open buffers overriding the disk, on one
 * background thread, and publishes diagnostics for every file whose findings changed (an empty list
 * clears a file). The scan is incremental ({@link ScanCache}): an edit re-parses only the edited
 * file, keeps the call graph while the file calls what it called, and re-runs only the replays that
 * walk a function whose body changed; the findings are those a fresh scan finds. After a buffer
 * edit the disk is taken as the last scan left it; open, save, file events and settings make the
 * next scan walk and stat the workspace again.
 *
 * <p>Every round reads {@code .mrcheck.yaml} again ({@link ProjectConfigFile}), layers the client's
 * settings over it ({@link AnalysisSettings#over}) and puts the analysis through the same {@link
 * FindingsPipeline} as {@code mrcheck scan}: what the editor shows is what the CLI reports.
 *
 * <p>Edits are debounced: the first change after a quiet period is analyzed at once, changes that
 * follow within {@code debounceMillis} wait until typing pauses. A result computed while a newer
 * request was made is dropped, never published over fresher text.
 */
final class AnalysisLoop {
  /** What hover and code actions read: the latest published scan. */
  record Snapshot(Path root, Map<Path, List<Finding>> findings) {
    static final Snapshot EMPTY = new Snapshot(Path.of("/"), Map.of());

    List<Finding> in(Path file) {
      return findings.getOrDefault(file, List.of());
    }
  }

  /**
   * Ends the one log line every analysis round ends with, when no newer request waits: the server
   * is idle.
   */
  static final String UP_TO_DATE = "; up to date";

  private final ServerState state;
  private final long debounceMillis;
  private final ProjectConfigFile configFile;
  private final Scanner scanner = new Scanner();
  private final ScanOverlay parses = new ScanOverlay(Map.of(), true);

  /** The on-disk cache the scans that read the disk take parses from; null when off. */
  private final PersistentCache disk;

  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "mrcheck-lsp-analysis");
            t.setDaemon(true);
            return t;
          });
  private final AtomicLong generation = new AtomicLong();
  private ScheduledFuture<?> pending;
  private long lastEditNanos;
  private boolean progressWanted;

  /**
   * Set by anything but a buffer edit (open, save, file events, settings): the next scan reads the
   * disk again.
   */
  private boolean diskMayHaveChanged = true;

  // Touched only on the analysis thread.
  /**
   * What the parses kept in {@link #parses} were made with; when it changes, they are forgotten.
   */
  private AnalysisSettings parsedWith;

  private final Map<Path, List<Diagnostic>> published = new HashMap<>();
  private final Map<Path, Integer> publishedVersions = new HashMap<>();
  private volatile Snapshot snapshot = Snapshot.EMPTY;

  AnalysisLoop(ServerState state, long debounceMillis, PersistentCache disk) {
    this.disk = disk;
    this.state = state;
    this.debounceMillis = debounceMillis;
    this.configFile = new ProjectConfigFile(state);
  }

  Snapshot snapshot() {
    return snapshot;
  }

  /**
   * Open, save, configuration: analyze now. {@code progress}: report it ($/progress), for the first
   * index.
   */
  synchronized void requestNow(boolean progress) {
    progressWanted |= progress;
    diskMayHaveChanged = true;
    schedule(0);
  }

  /** An edit: analyze now if the user had paused, else once typing pauses. */
  synchronized void requestAfterEdit() {
    long now = System.nanoTime();
    boolean quiet = now - lastEditNanos >= TimeUnit.MILLISECONDS.toNanos(debounceMillis);
    lastEditNanos = now;
    schedule(quiet ? 0 : debounceMillis);
  }

  /** Parses depend on include dirs and defines (and headers under them): forget them. */
  void forgetParses() {
    parses.clearParses();
  }

  void shutdown() {
    executor.shutdownNow();
  }

  private void schedule(long delayMillis) {
    if (executor.isShutdown()) return; // after shutdown, notifications change nothing
    generation.incrementAndGet();
    if (pending != null) pending.cancel(false);
    pending = executor.schedule(this::runSafely, delayMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * One analysis round. Whatever its outcome, it ends with exactly one log line, "analysis: ...",
   * which ends with {@link #UP_TO_DATE} when no newer request came in meanwhile: the explicit
   * signal that the published diagnostics are final until the next request.
   */
  private void runSafely() {
    long gen = generation.get();
    boolean progress;
    boolean readDisk;
    synchronized (this) {
      progress = progressWanted;
      progressWanted = false;
      readDisk = diskMayHaveChanged;
      diskMayHaveChanged = false;
    }
    Progress p = progress ? state.progress("mrcheck: indexing workspace") : Progress.NONE;
    String outcome;
    try {
      outcome = run(p, readDisk, gen);
    } catch (ScanException e) {
      synchronized (this) {
        diskMayHaveChanged = true;
      }
      outcome = "failed: " + e.getMessage();
      p.end(outcome);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // The server outlives any one analysis; the next edit tries again, from the disk.
      synchronized (this) {
        diskMayHaveChanged = true;
      }
      outcome = "internal error: " + e;
      p.end("internal error");
    }
    String line = "analysis: " + outcome + (generation.get() == gen ? UP_TO_DATE : "");
    if (outcome.startsWith("failed") || outcome.startsWith("internal error"))
      state.log().error(line);
    else state.log().info(line);
  }

  /** Returns what the round did, for the log. */
  private String run(Progress progress, boolean readDisk, long gen) throws ScanException {
    long start = System.nanoTime();
    List<OpenDocuments.Document> docs = state.documents().all();
    List<Path> paths = scanPaths(docs);
    if (paths.isEmpty()) {
      publish(Path.of("/"), List.of(), docs);
      progress.end("nothing to analyze");
      return "nothing to analyze";
    }
    ProjectConfigFile.Loaded project = configFile.load(paths);
    if (project.bad()) {
      progress.end("bad configuration file");
      return "not run: the configuration file is bad";
    }
    AnalysisSettings settings = state.config().settings().over(project.config());
    if (!settings.equals(parsedWith)) settingsChanged(settings);
    progress.report("scanning " + (paths.size() == 1 ? paths.get(0) : paths.size() + " folders"));
    ScanRequest request =
        settings.request(paths, Math.max(1, Runtime.getRuntime().availableProcessors()), false);
    Map<Path, String> texts = new HashMap<>();
    for (OpenDocuments.Document d : docs)
      if (d.text().length() <= OpenDocuments.MAX_CHARS) texts.put(d.path(), d.text());
    ScanResult analyzed =
        scanner.analyze(
            request,
            readDisk ? parses.withTexts(texts) : parses.withEditedTexts(texts),
            ScanListener.NONE,
            readDisk ? disk : null);
    // Evicts over the bound and records the counts, once per round that may have written.
    if (readDisk && disk != null) disk.store().finish();
    if (generation.get() != gen) {
      progress.end("superseded by an edit");
      return "superseded by an edit";
    }
    ScanResult result =
        FindingsPipeline.forRequest(request).withConfig(project.config()).run(analyzed).result();
    publish(result.root().toAbsolutePath().normalize(), result.findings(), docs);
    long ms = (System.nanoTime() - start) / 1_000_000;
    String summary =
        result.stats().filesFound()
            + " files, "
            + result.findings().size()
            + " findings, "
            + ms
            + " ms, "
            + result.semantics()
            + " semantics";
    progress.end(summary);
    return summary + "; " + reuse();
  }

  /**
   * Parses depend on include directories, defines and the compile database (and the headers they
   * reach), which settings and .mrcheck.yaml both give: forget them when those change. A missing
   * include directory is only a warning, as with cc.
   */
  private void settingsChanged(AnalysisSettings settings) {
    if (parsedWith != null
        && (!settings.frontendOptions().equals(parsedWith.frontendOptions())
            || !java.util.Objects.equals(
                settings.compileCommands(), parsedWith.compileCommands()))) {
      parses.clearParses();
    }
    for (Path dir : settings.includeDirs()) {
      if (!Files.isDirectory(dir)) state.log().warn("include directory not found: " + dir);
    }
    parsedWith = settings;
  }

  /**
   * What the latest scan redid and what it kept, e.g. "parsed 1 file, call graph kept, replays run:
   * 1 of 12".
   */
  private String reuse() {
    ScanCache c = parses.cache();
    int run = c.replays().lastReplayed();
    return "parsed "
        + c.lastParsed()
        + (c.lastParsed() == 1 ? " file" : " files")
        + ", call graph "
        + (c.lastKeptCallGraph() ? "kept" : "rebuilt")
        + ", replays run: "
        + run
        + " of "
        + (run + c.replays().lastReused())
        + ", functions read: "
        + c.replays().lastFactsRead();
  }

  /** Workspace folders that exist; without any, the open files themselves (single-file mode). */
  private List<Path> scanPaths(List<OpenDocuments.Document> docs) {
    List<Path> out = new ArrayList<>();
    for (Path r : state.roots()) if (Files.isDirectory(r)) out.add(r);
    if (out.isEmpty())
      for (OpenDocuments.Document d : docs) if (Files.isRegularFile(d.path())) out.add(d.path());
    return out;
  }

  private void publish(Path root, List<Finding> findings, List<OpenDocuments.Document> docs) {
    Map<Path, List<Finding>> byFile = new HashMap<>();
    Map<Path, List<Diagnostic>> next = new HashMap<>();
    for (Finding f : findings) {
      Path p = FindingDiagnostics.path(root, f.loc());
      byFile.computeIfAbsent(p, k -> new ArrayList<>()).add(f);
      next.computeIfAbsent(p, k -> new ArrayList<>()).add(FindingDiagnostics.of(f, root));
    }
    snapshot = new Snapshot(root, byFile);
    Map<Path, OpenDocuments.Document> open = new HashMap<>();
    for (OpenDocuments.Document d : docs) open.put(d.path(), d);
    Set<Path> touched = new HashSet<>(published.keySet());
    touched.addAll(next.keySet());
    // An edited buffer always gets an answer for its new version, even an unchanged one.
    for (OpenDocuments.Document d : docs)
      if (!Integer.valueOf(d.version()).equals(publishedVersions.get(d.path())))
        touched.add(d.path());
    for (Path p : touched) {
      List<Diagnostic> list = next.getOrDefault(p, List.of());
      OpenDocuments.Document d = open.get(p);
      boolean versionMoved =
          d != null && !Integer.valueOf(d.version()).equals(publishedVersions.get(p));
      if (!versionMoved && list.equals(published.getOrDefault(p, List.of()))) continue;
      PublishDiagnosticsParams params =
          new PublishDiagnosticsParams(d != null ? d.uri() : p.toUri().toString(), list);
      if (d != null) {
        params.setVersion(d.version());
        publishedVersions.put(p, d.version());
      }
      state.client().publishDiagnostics(params);
    }
    published.clear();
    published.putAll(next);
    publishedVersions.keySet().retainAll(open.keySet());
  }
}
