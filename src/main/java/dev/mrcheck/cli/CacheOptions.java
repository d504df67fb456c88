package dev.mrcheck.cli;

import dev.mrcheck.cache.CacheStore;
import dev.mrcheck.io.SourceReader;
import dev.mrcheck.scan.PersistentCache;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --cache-dir}, {@code --no-cache} and {@code --cache-size}, as a picocli mixin: where the
 * on-disk cache is (see {@link PersistentCache}), for {@code scan}, {@code lsp} and {@code cache}.
 */
final class CacheOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "Keep the cache of parses and results in DIR. Default: $MRCHECK_CACHE_DIR, else "
              + "$XDG_CACHE_HOME/mrcheck, else ~/.cache/mrcheck.")
  Path dir;

  @Option(
      names = "--no-cache",
      description = "Neither read nor write the on-disk cache (also: MRCHECK_NO_CACHE=1).")
  boolean off;

  @Option(
      names = "--cache-size",
      paramLabel = "SIZE",
      description =
          "Bound on the cache's size: after a run that wrote, the least recently used entries go "
              + "until it is under 80%% of SIZE. Default: 1G.")
  String size;

  /** The directory in use: --cache-dir, else the default; null when the cache is off. */
  Path resolvedDir() {
    if (off) return null;
    if (dir != null) return dir;
    Map<String, String> env = System.getenv();
    if (env.containsKey(CacheStore.DISABLE_ENV)) return null;
    return CacheStore.defaultDir(env);
  }

  /** The store, warning on {@code err}; null when the cache is off. */
  CacheStore store(PrintWriter err) {
    Path d = resolvedDir();
    if (d == null) return null;
    return new CacheStore(
        d,
        maxBytes(),
        message -> {
          err.println("mrcheck: warning: " + message);
          err.flush();
        });
  }

  /** The scan's cache; null when off. */
  PersistentCache open(PrintWriter err) {
    CacheStore s = store(err);
    return s == null ? null : new PersistentCache(s);
  }

  private long maxBytes() {
    if (size == null) return CacheStore.DEFAULT_MAX_BYTES;
    Long bytes = SourceReader.parseSize(size);
    if (bytes == null || bytes < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "bad --cache-size '" + size + "': expected a size such as 512M or 4G");
    }
    return bytes;
  }
}
