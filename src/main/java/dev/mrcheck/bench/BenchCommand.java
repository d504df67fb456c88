package dev.mrcheck.bench;

import dev.mrcheck.model.Semantics;
import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.scan.ScanException;
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
            + " scans each after one warm-up run, and prints wall time, throughput, heap, GC and"
            + " cores used next to the targets (whole tree < 10 s wall, < 2 GB heap on 2 cores).",
        "Run it with the heap limit you want to check, e.g. java -Xmx2g."})
public final class BenchCommand implements Callable<Integer> {
  static final double WALL_TARGET_SECONDS = 10;
  static final long HEAP_TARGET_BYTES = 2L << 30;

  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--files", paramLabel = "N",
      description = "Files to generate (default: ${DEFAULT-VALUE}).")
  int files = TreeSpec.DEFAULT_FILES;

  @Option(names = "--lines", paramLabel = "N",
      description = "Total lines to generate (default: ${DEFAULT-VALUE}).")
  long lines = TreeSpec.DEFAULT_LINES;

  @Option(names = "--seed", paramLabel = "S",
      description = "Generator seed; the same seed gives the same tree"
          + " (default: ${DEFAULT-VALUE}).")
  long seed = TreeSpec.DEFAULT_SEED;

  @Option(names = "--memory-share", paramLabel = "F",
      description = "Share of .c files that call the memory API"
          + " (default: ${DEFAULT-VALUE}, as measured on QEMU 11 hw/).")
  double memoryShare = TreeSpec.DEFAULT_MEMORY_API_SHARE;

  @Option(names = "--java-classes", paramLabel = "N",
      description = "Classes in the Java tree: API stubs, region helpers, devices and logic"
          + " (default: ${DEFAULT-VALUE}).")
  int javaClasses = JavaTreeSpec.DEFAULT_CLASSES;

  @Option(names = "--language", paramLabel = "L", converter = LanguageConverter.class,
      description = "c, java or both: which trees to generate and scan; both scans and reports"
          + " them separately, in DIR/c and DIR/java (default: both).")
  Language language = Language.BOTH;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Generate the tree here (a new or empty directory; it is kept)."
          + " Default: a fresh temporary directory, deleted afterwards unless --keep.")
  Path dir;

  @Option(names = "--keep", description = "Keep the temporary tree and print its path.")
  boolean keep;

  @Option(names = "--jobs", paramLabel = "N",
      description = "Parser threads (default: the number of cores).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = "--repeat", paramLabel = "N",
      description = "Timed scans after one warm-up scan (default: ${DEFAULT-VALUE}).")
  int repeat = 3;

  @Option(names = "--semantics", paramLabel = "S", converter = SemanticsConverter.class,
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
      err.println("mrcheck bench: cannot create " + (temporary ? "a temporary directory" : dir)
          + ": " + e.getMessage());
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

  private int run(TreeSpec treeSpec, JavaTreeSpec javaSpec, Path root, PrintWriter out,
      PrintWriter err) {
    out.printf(Locale.ROOT, "mrcheck bench: seed %d, semantics %s, jobs %d, %d cores available,"
            + " max heap %s%n", seed, semantics.label(), jobs,
        Runtime.getRuntime().availableProcessors(), Units.bytes(Runtime.getRuntime().maxMemory()));
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int cores = Runtime.getRuntime().availableProcessors();
    if (load > cores) {
      out.printf(Locale.ROOT, "warning    system load %.1f on %d cores: other work competes,"
            + " wall times will be inflated%n", load, cores);
    }
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
    out.printf(Locale.ROOT, "tree       %s files generated (%s .c, %s .h), %s lines, %s,"
            + " in %s wall, %s cpu%n", Units.count(tree.files()), Units.count(tree.sources()),
        Units.count(tree.headers()), Units.count(tree.lines()), Units.bytes(tree.bytes()),
        Units.seconds(tree.millis() * 1_000_000), cpuBefore < 0 ? "n/a" : Units.seconds(cpu));
    out.printf(Locale.ROOT, "           .c files calling the memory API: %s (%.1f %%),"
            + " devices reaching it only through a helper: %s, planted MR001-MR003 bugs: %s%n",
        Units.count(tree.memoryApiSources()), 100 * tree.memoryApiShare(),
        Units.count(tree.helperOnlyDevices()), Units.count(tree.plantedBugs()));
    out.flush();
    return scanAndReport(root, tree.files(), tree.lines(), tree.plantedBugs(), out, err);
  }

  private int runJava(JavaTreeSpec javaSpec, Path root, PrintWriter out, PrintWriter err) {
    JavaTreeSummary tree;
    long cpuBefore = RunFigures.processCpuNanos();
    try {
      tree = BenchJavaTreeGenerator.generate(root, javaSpec);
    } catch (IOException e) {
      err.println("mrcheck bench: cannot write the Java tree under " + root + ": "
          + e.getMessage());
      return 2;
    }
    long cpu = RunFigures.processCpuNanos() - cpuBefore;
    out.printf(Locale.ROOT, "tree       %s Java files generated (%s API stubs, %s region helpers,"
            + " %s devices of which %s on FFM bindings, %s logic classes), %s lines, %s,"
            + " in %s wall, %s cpu%n", Units.count(tree.files()), Units.count(tree.stubs()),
        Units.count(tree.helpers()), Units.count(tree.devices()), Units.count(tree.ffmDevices()),
        Units.count(tree.logic()), Units.count(tree.lines()), Units.bytes(tree.bytes()),
        Units.seconds(tree.millis() * 1_000_000), cpuBefore < 0 ? "n/a" : Units.seconds(cpu));
    out.printf(Locale.ROOT, "           classes calling the memory API: %s (%.1f %%),"
            + " planted MR001-MR003 bugs: %s%n", Units.count(tree.memoryApiFiles()),
        100.0 * tree.memoryApiFiles() / tree.files(), Units.count(tree.plantedBugs()));
    out.flush();
    return scanAndReport(root, tree.files(), tree.lines(), tree.plantedBugs(), out, err);
  }

  private int scanAndReport(Path root, int treeFiles, long treeLines, int planted,
      PrintWriter out, PrintWriter err) {
    ScanRequest request = new ScanRequest(List.of(root), semantics, Set.of(), List.of(),
        FrontendOptions.NONE, jobs);
    List<RunFigures> runs = new ArrayList<>();
    try {
      RunFigures warmUp = RunFigures.measure(() -> new Scanner().scan(request));
      out.printf(Locale.ROOT, "warm-up    %s%n", describe(warmUp));
      out.flush();
      for (int i = 1; i <= repeat; i++) {
        RunFigures run = RunFigures.measure(() -> new Scanner().scan(request));
        runs.add(run);
        out.printf(Locale.ROOT, "run %-6d %s%n", i, describe(run));
        out.flush();
      }
    } catch (ScanException e) {
      err.println("mrcheck bench: the scanner failed, so there are no scan figures: "
          + e.getMessage());
      return 2;
    }
    summarize(treeFiles, treeLines, planted, runs, out);
    return 0;
  }

  private static String describe(RunFigures run) {
    return String.format(Locale.ROOT, "wall %s, cpu %s (%.2f cores), gc %s in %d collections,"
            + " peak heap %s sampled / %s pool peaks, baseline %s",
        Units.seconds(run.wallNanos()), run.cpuNanos() < 0 ? "n/a" : Units.seconds(run.cpuNanos()),
        run.coresUsed(), Units.seconds(run.gcMillis() * 1_000_000), run.gcCount(),
        Units.bytes(run.sampledPeakHeap()), Units.bytes(run.poolPeakHeap()),
        Units.bytes(run.baselineHeap()));
  }

  private void summarize(int treeFiles, long treeLines, int planted, List<RunFigures> runs,
      PrintWriter out) {
    RunFigures median = runs.stream()
        .sorted(Comparator.comparingLong(RunFigures::wallNanos))
        .skip((runs.size() - 1) / 2)
        .findFirst()
        .orElseThrow();
    long peakHeap = runs.stream().mapToLong(RunFigures::sampledPeakHeap).max().orElse(0);
    double wallSeconds = median.wallNanos() / 1e9;
    ScanResult result = median.result();
    ScanStats stats = result.stats();
    out.printf(Locale.ROOT, "scan       %s files found, %s parsed, %s lines parsed, %s functions"
            + " (%s dropped), %s parse problems, %s findings, %s file problems%n",
        Units.count(stats.filesFound()), Units.count(stats.filesParsed()),
        Units.count(stats.linesParsed()), Units.count(stats.functions()),
        Units.count(stats.droppedFunctions()), Units.count(stats.parseProblems()),
        Units.count(result.findings().size()), Units.count(result.problems().size()));
    out.printf(Locale.ROOT, "findings   %s reported, %s planted MR001-MR003 bugs%n",
        Units.count(result.findings().size()), Units.count(planted));
    out.printf(Locale.ROOT, "median     wall %s of %d runs: %s   (scanner's own figure %s)%n",
        Units.seconds(median.wallNanos()), runs.size(), verdict(wallSeconds
            < WALL_TARGET_SECONDS, "target < " + (int) WALL_TARGET_SECONDS + " s"),
        Units.seconds(stats.wallMillis() * 1_000_000));
    out.printf(Locale.ROOT, "throughput %s files/s, %s lines/s (tree totals over median wall)%n",
        Units.count(Math.round(treeFiles / wallSeconds)),
        Units.count(Math.round(treeLines / wallSeconds)));
    out.printf(Locale.ROOT, "heap       peak %s used, sampled every %d ms over all runs: %s%n",
        Units.bytes(peakHeap), HeapSampler.PERIOD_MILLIS,
        verdict(peakHeap < HEAP_TARGET_BYTES, "target < 2 GB"));
    out.printf(Locale.ROOT, "cores      %.2f used of %d (process CPU time over wall, median run;"
            + " includes GC and JIT)%n", median.coresUsed(),
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
    C(true, false), JAVA(false, true), BOTH(true, true);

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
