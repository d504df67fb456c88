package dev.mrcheck.frontend.c;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.frontend.SourceFile;
import dev.mrcheck.ir.ParseProblem;
import dev.mrcheck.ir.TranslationUnit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Benchmark, not a test: parses every *.c under a tree (default /work/qemu/hw) and prints how many
 * function definitions survive, which problems lose the others, and the parse speed.
 *
 * <p>Usage: {@code java -cp ... dev.mrcheck.frontend.c.ParseCensus [dir] [--no-prelude] [--threads
 * N] [--show CAUSE]}
 */
public final class ParseCensus {
  public static void main(String[] args) throws Exception {
    Path root = Path.of("/work/qemu/hw");
    boolean prelude = true;
    int threads = Runtime.getRuntime().availableProcessors();
    String show = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--no-prelude" -> prelude = false;
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--show" -> show = args[++i];
        default -> root = Path.of(args[i]);
      }
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
    }
    CFrontend frontend = new CFrontend(FrontendOptions.NONE, prelude);
    LongAdder lines = new LongAdder();
    LongAdder functions = new LongAdder();
    LongAdder dropped = new LongAdder();
    LongAdder problems = new LongAdder();
    Map<String, Integer> droppedBy = new ConcurrentHashMap<>();
    Map<String, Integer> problemsBy = new ConcurrentHashMap<>();
    List<String> examples = java.util.Collections.synchronizedList(new ArrayList<>());
    String showCause = show;

    long start = System.nanoTime();
    List<Thread> workers = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r);
              workers.add(t);
              return t;
            });
    List<Future<?>> jobs = new ArrayList<>();
    Path base = root;
    for (Path f : files) {
      jobs.add(
          pool.submit(
              () -> {
                String text;
                try {
                  text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                } catch (Exception e) {
                  return;
                }
                String rel = base.relativize(f).toString();
                TranslationUnit tu = frontend.parse(new SourceFile(f, rel, text));
                lines.add(tu.lines());
                functions.add(tu.functions().size());
                String[] fileLines = text.split("\n", -1);
                for (ParseProblem p : tu.problems()) {
                  String cause = cause(fileLines, p);
                  if (p.droppedFunction() != null) {
                    dropped.increment();
                    droppedBy.merge(cause, 1, Integer::sum);
                  } else {
                    problems.increment();
                    problemsBy.merge(cause, 1, Integer::sum);
                  }
                  if (showCause != null && cause.equals(showCause)) {
                    examples.add(
                        rel
                            + ":"
                            + p.loc().line()
                            + " "
                            + p.droppedFunction()
                            + " | "
                            + fileLines[Math.max(0, p.loc().line() - 1)].trim());
                  }
                }
              }));
    }
    for (Future<?> j : jobs) j.get();
    double secs = (System.nanoTime() - start) / 1e9;
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    double cpu = 0;
    for (Thread t : workers) cpu += Math.max(0, mx.getThreadCpuTime(t.getId())) / 1e9;
    pool.shutdown();

    System.out.printf("prelude: %s, threads: %d%n", prelude, threads);
    System.out.printf("files: %d, lines: %d%n", files.size(), lines.sum());
    System.out.printf("function definitions found: %d%n", functions.sum());
    System.out.printf("dropped functions: %d%n", dropped.sum());
    System.out.printf("other problems: %d%n", problems.sum());
    System.out.printf(
        "wall time: %.1f s (%.0f files/s, %.0f lines/s)%n",
        secs, files.size() / secs, lines.sum() / secs);
    System.out.printf(
        "worker CPU time: %.1f s (%.0f files/cpu-s, %.0f lines/cpu-s; %d threads)%n",
        cpu, files.size() / cpu, lines.sum() / cpu, threads);
    System.out.println("dropped functions by first token of the problem:");
    top(droppedBy, 40);
    System.out.println("other problems by first token:");
    top(problemsBy, 40);
    examples.stream().sorted().limit(60).forEach(e -> System.out.println("  " + e));
  }

  private static String cause(String[] lines, ParseProblem p) {
    int line = Math.max(1, p.loc().line());
    String text = line <= lines.length ? lines[line - 1] : "";
    String t = text.substring(Math.min(text.length(), Math.max(0, p.loc().column() - 1))).trim();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^[#]?\\s*[A-Za-z_][A-Za-z0-9_]*").matcher(t);
    return m.find()
        ? m.group().replaceAll("\\s", "")
        : (t.isEmpty() ? "<empty>" : t.substring(0, Math.min(12, t.length())));
  }

  private static void top(Map<String, Integer> counts, int n) {
    new TreeMap<>(counts)
        .entrySet().stream()
            .sorted((a, b) -> b.getValue() - a.getValue())
            .limit(n)
            .forEach(e -> System.out.printf("  %6d %s%n", e.getValue(), e.getKey()));
  }
}
