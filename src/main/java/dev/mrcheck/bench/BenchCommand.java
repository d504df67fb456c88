package dev.mrcheck.bench;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanOverlay;
import dev.mrcheck.scan.ScanProfile;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.ScanStats;
import dev.mrcheck.scan.Scanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mrcheck bench}: generates a QEMU-sized tree, scans it several times in one JVM and prints
 * what it cost. It prints figures and never fails on them: the targets are printed next to them.
 */
@Command(
    name = "bench",
    description = {
      "Speed benchmark: generates a QEMU-sized C tree (hw/ device models in QEMU's idioms)"
          + " and a Java tree (device classes over the memory facade and the FFM bindings),"
          + " scans each: the cold first run in the fresh JVM, then the timed warm runs, and prints"
          + " wall time, the phases, throughput, heap, peak resident set, GC and cores used next"
          + " to the targets (whole tree < 10 s wall, < 1.5 GB resident on 2 cores).",
      "With --tree DIR it times an existing tree instead (QEMU's, say) and generates nothing.",
      "Run it with the heap limit you want to check, e.g. java -Xmx2g."
    })
public final class BenchCommand implements Callable<Integer> {
  static final double WALL_TARGET_SECONDS = 10;
  static final long HEAP_TARGET_BYTES = 2L << 30;
  static final long RSS_TARGET_BYTES = 3L << 29;

  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Option(
      names = "--files",
      paramLabel = "N",
      description = "Files to generate (default: ${DEFAULT-VALUE}).")
  int files = TreeSpec.DEFAULT_FILES;

  @Option(
      names = "--lines",
      paramLabel = "N",
      description = "Total lines to generate (default: ${DEFAULT-VALUE}).")
  long lines = TreeSpec.DEFAULT_LINES;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description =
          "Generator seed; the same seed gives the same tree" + " (default: ${DEFAULT-VALUE}).")
  long seed = TreeSpec.DEFAULT_SEED;

  @Option(
      names = "--memory-share",
      paramLabel = "F",
      description =
          "Share of .c files that call the memory API"
              + " (default: ${DEFAULT-VALUE}, as measured on QEMU 11 hw/).")
  double memoryShare = TreeSpec.DEFAULT_MEMORY_API_SHARE;

  @Option(
      names = "--java-classes",
      paramLabel = "N",
      description =
          "Classes in the Java tree: API stubs, region helpers, devices and logic"
              + " (default: ${DEFAULT-VALUE}).")
  int javaClasses = JavaTreeSpec.DEFAULT_CLASSES;

  @Option(
      names = "--language",
      paramLabel = "L",
      converter = LanguageConverter.class,
      description =
          "c, java or both: which trees to generate and scan; both scans and reports"
              + " them separately, in DIR/c and DIR/java (default: both).")
  Language language = Language.BOTH;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "Generate the tree here (a new or empty directory; it is kept)."
              + " Default: a fresh temporary directory, deleted afterwards unless --keep.")
  Path dir;

  @Option(
      names = "--tree",
      paramLabel = "DIR",
      description =
          "Time this existing tree (e.g. a QEMU checkout) instead of generating one;"
              + " it is only read. The generation options are then ignored.")
  Path tree;

  @Option(names = "--keep", description = "Keep the temporary tree and print its path.")
  boolean keep;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description = "Parser and replay threads (default: the number of cores).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--repeat",
      paramLabel = "N",
      description = "Timed warm scans after the cold first scan (default: ${DEFAULT-VALUE}).")
  int repeat = 3;

  @Option(
      names = "--semantics",
      paramLabel = "S",
      converter = SemanticsConverter.class,
      description = "legacy, current or refcount (default: current).")
  Semantics semantics = Semantics.CURRENT;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (repeat < 1 || jobs < 1) {
      err.println("mrcheck bench: --repeat and --jobs must be at least 1");
      return 2;
    }
    if (tree != null) return runTree(out, err);
    TreeSpec treeSpec;
    JavaTreeSpec javaSpec;
    try {
      treeSpec = language.c ? new TreeSpec(files, lines, seed, memoryShare) : null;
      javaSpec = language.java ? new JavaTreeSpec(javaClasses, seed) : null;
    } catch (IllegalArgumentException e) {
      err.println("mrcheck bench: " + e.getMessage());
      return 2;
    }
    Path root;
    boolean temporary = dir == null;
    try {
      root = temporary ? Files.createTempDirectory("mrcheck-bench-") : prepareDir(dir);
    } catch (IOException e) {
      err.println(
          "mrcheck bench: cannot create "
              + (temporary ? "a temporary directory" : dir)
              + ": "
              + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("mrcheck bench: " + e.getMessage());
      return 2;
    }
    try {
      return run(treeSpec, javaSpec, root, out, err);
    } finally {
      if (temporary && !keep) {
        deleteTree(root, err);
      } else {
        out.println("tree kept at " + root);
      }
      out.flush();
    }
  }

  /** {@code --tree}: scans the given tree as it is. */
  private int runTree(PrintWriter out, PrintWriter err) {
    if (!Files.isDirectory(tree)) {
      err.println("mrcheck bench: --tree " + tree + " is not a directory");
      return 2;
    }
    printHeader(out);
    out.println("tree dir   " + tree + " (given, only read)");
    out.flush();
    return scanAndReport(tree, -1, -1, -1, out, err);
  }

  private void printHeader(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "mrcheck bench: seed %d, semantics %s, jobs %d, %d cores available," + " max heap %s%n",
        seed,
        semantics.label(),
        jobs,
        Runtime.getRuntime().availableProcessors(),
        Units.bytes(Runtime.getRuntime().maxMemory()));
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int cores = Runtime.getRuntime().availableProcessors();
    if (load > cores) {
      out.printf(
          Locale.ROOT,
          "warning    system load %.1f on %d cores: other work competes,"
              + " wall times will be inflated%n",
          load,
          cores);
    }
  }

  private int run(
      TreeSpec treeSpec, JavaTreeSpec javaSpec, Path root, PrintWriter out, PrintWriter err) {
    printHeader(out);
    out.println("tree dir   " + root + (dir == null && !keep ? " (deleted afterwards)" : ""));
    out.flush();
    boolean both = treeSpec != null && javaSpec != null;
    if (treeSpec != null) {
      if (both) {
        out.println();
        out.println("== C tree ==");
      }
      int exit = runC(treeSpec, both ? root.resolve("c") : root, out, err);
      if (exit != 0) {
        return exit;
      }
    }
    if (javaSpec != null) {
      if (both) {
        out.println();
        out.println("== Java tree ==");
      }
      return runJava(javaSpec, both ? root.resolve("java") : root, out, err);
    }
    return 0;
  }

  private int runC(TreeSpec treeSpec, Path root, PrintWriter out, PrintWriter err) {
    TreeSummary tree;
    long cpuBefore = RunFigures.processCpuNanos();
    try {
      tree = BenchTreeGenerator.generate(root, treeSpec);
    } catch (IOException e) {
      err.println("mrcheck bench: cannot write the tree under " + root + ": " + e.getMessage());
      return 2;
    }
    long cpu = RunFigures.processCpuNanos() - cpuBefore;
    out.printf(
        Locale.ROOT,
        "tree       %s files generated (%s .c, %s .h), %s lines, %s," + " in %s wall, %s cpu%n",
        Units.count(tree.files()),
        Units.count(tree.sources()),
        Units.count(tree.headers()),
        Units.count(tree.lines()),
        Units.bytes(tree.bytes()),
        Units.seconds(tree.millis() * 1_000_000),
        cpuBefore < 0 ? "n/a" : Units.seconds(cpu));
    out.printf(
        Locale.ROOT,
        "           .c files calling the memory API: %s (%.1f %%),"
            + " devices reaching it only through a helper: %s, planted MR001-MR003 bugs: %s%n",
        Units.count(tree.memoryApiSources()),
        100 * tree.memoryApiShare(),
        Units.count(tree.helperOnlyDevices()),
        Units.count(tree.plantedBugs()));
    out.flush();
    return scanAndReport(root, tree.files(), tree.lines(), tree.plantedBugs(), out, err);
  }

  private int runJava(JavaTreeSpec javaSpec, Path root, PrintWriter out, PrintWriter err) {
    JavaTreeSummary tree;
    long cpuBefore = RunFigures.processCpuNanos();
    try {
      tree = BenchJavaTreeGenerator.generate(root, javaSpec);
    } catch (IOException e) {
      err.println(
          "mrcheck bench: cannot write the Java tree under " + root + ": " + e.getMessage());
      return 2;
    }
    long cpu = RunFigures.processCpuNanos() - cpuBefore;
    out.printf(
        Locale.ROOT,
        "tree       %s Java files generated (%s API stubs, %s region helpers,"
            + " %s devices of which %s on FFM bindings, %s logic classes), %s lines, %s,"
            + " in %s wall, %s cpu%n",
        Units.count(tree.files()),
        Units.count(tree.stubs()),
        Units.count(tree.helpers()),
        Units.count(tree.devices()),
        Units.count(tree.ffmDevices()),
        Units.count(tree.logic()),
        Units.count(tree.lines()),
        Units.bytes(tree.bytes()),
        Units.seconds(tree.millis() * 1_000_000),
        cpuBefore < 0 ? "n/a" : Units.seconds(cpu));
    out.printf(
        Locale.ROOT,
        "           classes calling the memory API: %s (%.1f %%),"
            + " planted MR001-MR003 bugs: %s%n",
        Units.count(tree.memoryApiFiles()),
        100.0 * tree.memoryApiFiles() / tree.files(),
        Units.count(tree.plantedBugs()));
    out.flush();
    return scanAndReport(root, tree.files(), tree.lines(), tree.plantedBugs(), out, err);
  }

  private int scanAndReport(
      Path root, int treeFiles, long treeLines, int planted, PrintWriter out, PrintWriter err) {
    ScanRequest request =
        new ScanRequest(List.of(root), semantics, Set.of(), List.of(), FrontendOptions.NONE, jobs);
    List<RunFigures> runs = new ArrayList<>();
    RunFigures cold;
    try {
      cold = RunFigures.measure(listener -> scan(request, listener));
      out.printf(Locale.ROOT, "cold       %s%n", describe(cold));
      out.printf(Locale.ROOT, "           %s%n", phases(cold));
      out.flush();
      for (int i = 1; i <= repeat; i++) {
        RunFigures run = RunFigures.measure(listener -> scan(request, listener));
        runs.add(run);
        out.printf(Locale.ROOT, "run %-6d %s%n", i, describe(run));
        out.printf(Locale.ROOT, "           %s%n", phases(run));
        out.flush();
      }
    } catch (ScanException e) {
      err.println(
          "mrcheck bench: the scanner failed, so there are no scan figures: " + e.getMessage());
      return 2;
    }
    summarize(
        treeFiles < 0 ? cold.result().stats().filesFound() : treeFiles,
        treeLines,
        planted,
        cold,
        runs,
        out);
    return 0;
  }

  /** As {@link Scanner#scan(ScanRequest)}, telling {@code listener} the scan's profile. */
  private static ScanResult scan(ScanRequest request, dev.mrcheck.scan.ScanListener listener)
      throws ScanException {
    ScanResult analyzed = new Scanner().analyze(request, ScanOverlay.NONE, listener);
    return dev.mrcheck.scan.RequestStages.run(analyzed, request.keepUnconfirmed(), request.rules());
  }

  /** The run's phases as the scanner timed them: wall time each, then the work counts. */
  private static String phases(RunFigures run) {
    ScanProfile p = run.profile();
    if (p == null) return "phases n/a";
    StringBuilder sb = new StringBuilder("phases");
    for (ScanProfile.Phase ph : p.phases()) {
      if (!ph.name().equals("total")) {
        sb.append(' ')
            .append(ph.name())
            .append(' ')
            .append(Units.seconds(ph.wallMillis() * 1_000_000))
            .append(',');
      }
    }
    sb.append(
        String.format(
            Locale.ROOT,
            " parse rounds %s, %s functions analyzed, %s replays run",
            p.parseRounds(),
            Units.count(p.functionsAnalyzed()),
            Units.count(p.replaysRun())));
    return sb.toString();
  }

  private static String describe(RunFigures run) {
    return String.format(
        Locale.ROOT,
        "wall %s, cpu %s (%.2f cores), gc %s in %d collections,"
            + " peak heap %s sampled / %s pool peaks, baseline %s, peak rss so far %s",
        Units.seconds(run.wallNanos()),
        run.cpuNanos() < 0 ? "n/a" : Units.seconds(run.cpuNanos()),
        run.coresUsed(),
        Units.seconds(run.gcMillis() * 1_000_000),
        run.gcCount(),
        Units.bytes(run.sampledPeakHeap()),
        Units.bytes(run.poolPeakHeap()),
        Units.bytes(run.baselineHeap()),
        run.peakRss() < 0 ? "n/a" : Units.bytes(run.peakRss()));
  }

  private void summarize(
      int treeFiles,
      long treeLines,
      int planted,
      RunFigures cold,
      List<RunFigures> runs,
      PrintWriter out) {
    RunFigures median =
        runs.stream()
            .sorted(Comparator.comparingLong(RunFigures::wallNanos))
            .skip((runs.size() - 1) / 2)
            .findFirst()
            .orElseThrow();
    long peakHeap = runs.stream().mapToLong(RunFigures::sampledPeakHeap).max().orElse(0);
    double wallSeconds = median.wallNanos() / 1e9;
    ScanResult result = median.result();
    ScanStats stats = result.stats();
    out.printf(
        Locale.ROOT,
        "scan       %s files found, %s parsed, %s lines parsed, %s functions"
            + " (%s dropped), %s parse problems, %s findings, %s file problems%n",
        Units.count(stats.filesFound()),
        Units.count(stats.filesParsed()),
        Units.count(stats.linesParsed()),
        Units.count(stats.functions()),
        Units.count(stats.droppedFunctions()),
        Units.count(stats.parseProblems()),
        Units.count(result.findings().size()),
        Units.count(result.problems().size()));
    if (planted >= 0) {
      out.printf(
          Locale.ROOT,
          "findings   %s reported, %s planted MR001-MR003 bugs%n",
          Units.count(result.findings().size()),
          Units.count(planted));
    }
    out.printf(
        Locale.ROOT,
        "cold run   wall %s, the first scan in this JVM (class loading and JIT"
            + " warm-up included, as a command-line run pays them): %s%n",
        Units.seconds(cold.wallNanos()),
        verdict(
            cold.wallNanos() / 1e9 < WALL_TARGET_SECONDS,
            "target < " + (int) WALL_TARGET_SECONDS + " s"));
    out.printf(
        Locale.ROOT,
        "median     wall %s of %d warm runs: %s   (scanner's own figure %s)%n",
        Units.seconds(median.wallNanos()),
        runs.size(),
        verdict(wallSeconds < WALL_TARGET_SECONDS, "target < " + (int) WALL_TARGET_SECONDS + " s"),
        Units.seconds(stats.wallMillis() * 1_000_000));
    if (treeLines >= 0) {
      out.printf(
          Locale.ROOT,
          "throughput %s files/s, %s lines/s (tree totals over median wall)%n",
          Units.count(Math.round(treeFiles / wallSeconds)),
          Units.count(Math.round(treeLines / wallSeconds)));
    } else {
      out.printf(
          Locale.ROOT,
          "throughput %s files/s, %s parsed lines/s (over median wall)%n",
          Units.count(Math.round(treeFiles / wallSeconds)),
          Units.count(Math.round(stats.linesParsed() / wallSeconds)));
    }
    out.printf(
        Locale.ROOT,
        "heap       peak %s used, sampled every %d ms over all runs: %s%n",
        Units.bytes(peakHeap),
        HeapSampler.PERIOD_MILLIS,
        verdict(peakHeap < HEAP_TARGET_BYTES, "target < 2 GB"));
    long rss = RunFigures.processPeakRss();
    out.printf(
        Locale.ROOT,
        "rss        peak %s resident (VmHWM: the whole JVM, all runs so far): %s%n",
        rss < 0 ? "n/a" : Units.bytes(rss),
        rss < 0
            ? "not measured on this system"
            : verdict(rss < RSS_TARGET_BYTES, "target < 1.5 GB"));
    out.printf(
        Locale.ROOT,
        "cores      %.2f used of %d (process CPU time over wall, median run;"
            + " includes GC and JIT)%n",
        median.coresUsed(),
        Runtime.getRuntime().availableProcessors());
  }

  private static String verdict(boolean met, String target) {
    return (met ? "met " : "MISSED ") + target;
  }

  /** Never generates into a directory that holds anything: the user's files stay untouched. */
  private static Path prepareDir(Path dir) throws IOException {
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("--dir " + dir + " is not a directory");
      }
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException("--dir " + dir + " is not empty");
        }
      }
    }
    return Files.createDirectories(dir);
  }

  private static void deleteTree(Path root, PrintWriter err) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      err.println("mrcheck bench: could not delete " + root + ": " + e.getMessage());
    }
  }

  /** Which generated trees a run covers. */
  enum Language {
    C(true, false),
    JAVA(false, true),
    BOTH(true, true);

    final boolean c;
    final boolean java;

    Language(boolean c, boolean java) {
      this.c = c;
      this.java = java;
    }
  }

  /** Accepts c, java and both in any case. */
  static final class LanguageConverter implements ITypeConverter<Language> {
    @Override
    public Language convert(String value) {
      for (Language l : Language.values()) {
        if (l.name().equalsIgnoreCase(value)) {
          return l;
        }
      }
      throw new CommandLine.TypeConversionException(
          "expected c, java or both, got '" + value + "'");
    }
  }

  /** Accepts legacy, current and refcount in any case. */
  static final class SemanticsConverter implements ITypeConverter<Semantics> {
    @Override
    public Semantics convert(String value) {
      for (Semantics s : Semantics.values()) {
        if (s.label().equalsIgnoreCase(value)) {
          return s;
        }
      }
      throw new CommandLine.TypeConversionException(
          "expected legacy, current or refcount, got '" + value + "'");
    }
  }
}
