package dev.mrcheck.cli;

import dev.mrcheck.cache.CacheStore;
import dev.mrcheck.lsp.LspBenchmark;
import dev.mrcheck.lsp.MrcheckLanguageServer;
import dev.mrcheck.scan.PersistentCache;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "Give the server the on-disk cache in DIR (as 'mrcheck lsp' uses the default one);"
              + " without it the index is timed cold.")
  Path cacheDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PersistentCache disk = null;
    if (cacheDir != null) {
      PrintWriter err = spec.commandLine().getErr();
      disk =
          new PersistentCache(
              new CacheStore(
                  cacheDir,
                  CacheStore.DEFAULT_MAX_BYTES,
                  m -> {
                    err.println("mrcheck: warning: " + m);
                    err.flush();
                  }));
    }
    LspBenchmark.run(
        new LspBenchmark.Options(
            tree, file, Math.max(0, edits), MrcheckLanguageServer.DEFAULT_DEBOUNCE_MILLIS, disk),
        System.out);
    return 0;
  }
}
