package dev.mrcheck.cli;

import dev.mrcheck.cache.CacheStore;
import dev.mrcheck.io.SourceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mrcheck cache info|clear}: where the on-disk cache is and what it holds, or empty it. */
@Command(
    name = "cache",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Show the on-disk cache of 'mrcheck scan' (info: location, entries, size, the last run's "
          + "hits and misses) or delete its entries (clear).",
    })
final class CacheCommand implements Callable<Integer> {
  enum Action {
    INFO,
    CLEAR
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ACTION", description = "info or clear.")
  Action action;

  @Mixin CacheOptions cache = new CacheOptions();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CacheStore store = cache.store(err);
    if (store == null) {
      out.println("cache: off (--no-cache or " + CacheStore.DISABLE_ENV + ")");
      out.flush();
      return ExitCodes.OK;
    }
    if (action == Action.CLEAR) {
      long removed = store.clear();
      out.println("cache " + store.dir() + ": " + removed + " entries deleted");
      out.flush();
      return ExitCodes.OK;
    }
    CacheStore.Info info = store.info();
    out.println("cache: " + info.dir() + (info.exists() ? "" : " (not created yet)"));
    out.println(
        "size: "
            + SourceReader.size(info.totalBytes())
            + " in "
            + info.totalEntries()
            + " entries (bound "
            + SourceReader.size(info.maxBytes())
            + ")");
    for (Map.Entry<String, Long> e : info.entries().entrySet()) {
      out.println(
          "  "
              + e.getKey()
              + ": "
              + e.getValue()
              + " entries, "
              + SourceReader.size(info.bytes().get(e.getKey())));
    }
    if (!info.lastRun().isEmpty()) {
      out.println("last scan:");
      for (String kind : kinds(info.lastRun())) {
        long hits = number(info.lastRun().get(kind + ".hits"));
        long misses = number(info.lastRun().get(kind + ".misses"));
        long total = hits + misses;
        out.printf(
            "  %s: %d hits, %d misses (%s hit rate), %d written, %d damaged%n",
            kind,
            hits,
            misses,
            total == 0 ? "-" : (100 * hits / total) + "%",
            number(info.lastRun().get(kind + ".written")),
            number(info.lastRun().get(kind + ".damaged")));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static Set<String> kinds(Map<String, String> lastRun) {
    Set<String> kinds = new TreeSet<>();
    for (String k : lastRun.keySet()) kinds.add(k.substring(0, k.lastIndexOf('.')));
    return kinds;
  }

  private static long number(String s) {
    try {
      return s == null ? 0 : Long.parseLong(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
