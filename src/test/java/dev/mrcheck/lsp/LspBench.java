package dev.mrcheck.lsp;

import dev.mrcheck.bench.BenchTreeGenerator;
import dev.mrcheck.bench.TreeSpec;
import dev.mrcheck.bench.TreeSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.WorkDoneProgressEnd;

/**
 * Not a test: edit-to-diagnostics latency of {@code mrcheck lsp} on a generated workspace.
 * Generates {@code --files} files (BenchTreeGenerator), opens a .c file padded to 3,000 lines, then
 * makes {@code --edits} edits, each waiting for the publishDiagnostics of its version, and prints
 * the median and spread. Run: {@code java -cp <test classpath> dev.mrcheck.lsp.LspBench [--files
 * 2500] [--edits 20] [--dir D]}.
 */
public final class LspBench {
  public static void main(String[] args) throws Exception {
    int files = 2500;
    int edits = 20;
    Path dir = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--files" -> files = Integer.parseInt(args[++i]);
        case "--edits" -> edits = Integer.parseInt(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path ws =
        (dir != null ? dir : Files.createTempDirectory("mrcheck-lsp-bench"))
            .toAbsolutePath()
            .normalize();
    TreeSummary tree =
        BenchTreeGenerator.generate(
            ws,
            new TreeSpec(
                files, files * 625L, TreeSpec.DEFAULT_SEED, TreeSpec.DEFAULT_MEMORY_API_SHARE));
    Path target = pickFile(ws);
    String text = padTo(Files.readString(target, StandardCharsets.UTF_8), 3000);
    Files.writeString(target, text);
    int lines = text.split("\n", -1).length - 1;
    System.out.printf(
        "workspace: %s, %d files, %d lines; edited file %s (%d lines)%n",
        ws, tree.files(), tree.lines(), ws.relativize(target), lines);

    try (LspSession lsp = new LspSession(MrcheckLanguageServer.DEFAULT_DEBOUNCE_MILLIS)) {
      lsp.client.timeoutSeconds = 1800;
      long t0 = System.nanoTime();
      lsp.initialize(ws, null);
      lsp.client.awaitCondition(
          c ->
              c.progress.stream()
                  .anyMatch(p -> p.getValue().getLeft() instanceof WorkDoneProgressEnd),
          "initial index");
      System.out.printf(
          "initial index (cold, whole workspace): %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      long t1 = System.nanoTime();
      String uri = lsp.open(target, text);
      lsp.client.await(uri, 1, d -> true);
      System.out.printf("didOpen -> diagnostics: %d ms%n", (System.nanoTime() - t1) / 1_000_000);

      int editLine = lines - 2;
      List<Long> millis = new ArrayList<>();
      for (int i = 0; i < edits; i++) {
        long start = System.nanoTime();
        int v;
        // Alternately add and remove a line, so every edit changes the parse.
        if (i % 2 == 0) v = lsp.insert(uri, editLine, 0, "static int bench_edit_" + i + ";\n");
        else
          v =
              lsp.replace(
                  uri, new Range(new Position(editLine, 0), new Position(editLine + 1, 0)), "");
        lsp.client.await(uri, v, d -> true);
        millis.add((System.nanoTime() - start) / 1_000_000);
        // Let the debounce window pass, as a user pausing after an edit would.
        Thread.sleep(MrcheckLanguageServer.DEFAULT_DEBOUNCE_MILLIS + 50);
      }
      List<Long> sorted = new ArrayList<>(millis);
      Collections.sort(sorted);
      System.out.printf(
          "didChange -> publishDiagnostics over %d edits: median %d ms, min %d, p90 %d, max %d (target 300)%n",
          edits,
          sorted.get(sorted.size() / 2),
          sorted.get(0),
          sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1),
          sorted.get(sorted.size() - 1));
      System.out.println("all: " + millis);
    }
    System.exit(0);
  }

  /**
   * The .c file calling the memory API closest to 3,000 lines, so the edit lands in a file the
   * analysis reads.
   */
  private static Path pickFile(Path ws) throws Exception {
    try (Stream<Path> s = Files.walk(ws)) {
      return s.filter(p -> p.toString().endsWith(".c"))
          .filter(
              p -> {
                try {
                  return Files.readString(p).contains("memory_region_add_subregion");
                } catch (Exception e) {
                  return false;
                }
              })
          .min((a, b) -> Long.compare(distance(a), distance(b)))
          .orElseThrow();
    }
  }

  private static long distance(Path p) {
    try (Stream<String> lines = Files.lines(p)) {
      return Math.abs(lines.count() - 3000);
    } catch (Exception e) {
      return Long.MAX_VALUE;
    }
  }

  private static String padTo(String text, int lines) {
    StringBuilder sb = new StringBuilder(text.endsWith("\n") ? text : text + "\n");
    int have = sb.toString().split("\n", -1).length - 1;
    sb.append("/* padding for the LSP latency benchmark */\n");
    for (int i = 0; have + 1 + i * 4 < lines - 1; i++) {
      sb.append("static int bench_pad_")
          .append(i)
          .append("(int x)\n{\n    return x + ")
          .append(i)
          .append(";\n}\n");
    }
    return sb.toString();
  }
}
