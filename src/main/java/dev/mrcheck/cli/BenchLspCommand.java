package dev.mrcheck.cli;

import dev.mrcheck.lsp.LspBenchmark;
import dev.mrcheck.lsp.MrcheckLanguageServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mrcheck bench lsp}: the language server's index time, memory and edit latency. */
@Command(
    name = "lsp",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Language-server benchmark on an existing tree: indexes it as 'mrcheck lsp' does (time, heap"
          + " after GC, peak resident set), opens one file and times the diagnostics of N edits"
          + " (median, p90) next to the targets (index < 10 s and < 1 GB, median edit < 300 ms).",
      "Prints figures and never fails on them."
    })
final class BenchLspCommand implements Callable<Integer> {
  @Option(names = "--tree", required = true, paramLabel = "DIR", description = "The workspace.")
  Path tree;

  @Option(
      names = "--file",
      paramLabel = "FILE",
      description =
          "The file to edit (default: the .c file under the tree calling memory_region_init*"
              + " closest to 3,000 lines).")
  Path file;

  @Option(
      names = "--edits",
      paramLabel = "N",
      defaultValue = "20",
      description = "Edits to time (default: ${DEFAULT-VALUE}).")
  int edits;

  @Override
  public Integer call() throws Exception {
    LspBenchmark.run(
        new LspBenchmark.Options(
            tree, file, Math.max(0, edits), MrcheckLanguageServer.DEFAULT_DEBOUNCE_MILLIS),
        System.out);
    return 0;
  }
}
