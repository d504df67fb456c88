package dev.mrcheck.cli;

import dev.mrcheck.lsp.LspServer;
import dev.mrcheck.scan.PersistentCache;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mrcheck lsp}: the language server, on stdio or (for debugging) a local TCP port. */
@Command(
    name = "lsp",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Run a Language Server (LSP over stdio) with live MemoryRegion diagnostics, hover and quick fixes.",
      "Reads .mrcheck.yaml as 'scan' does; settings (initializationOptions or workspace/didChangeConfiguration)",
      "apply over it as the command line does: semantics, rules, models, includeDirs, defines, compileCommands;",
      "see the README.",
    })
final class LspCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      paramLabel = "N",
      description =
          "Listen on 127.0.0.1:N for one client instead of using stdio (0: any free port).")
  Integer port;

  /**
   * --cache-dir, --no-cache, --cache-size: the scans that read the disk take parses from the cache
   * {@code mrcheck scan} fills (see {@link CacheOptions}).
   */
  @Mixin CacheOptions cacheOptions = new CacheOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (port != null && (port < 0 || port > 65535))
      throw new IOException("--port must be between 0 and 65535, got " + port);
    PersistentCache disk = cacheOptions.open(spec.commandLine().getErr());
    if (port == null) return LspServer.serveStdio(disk);
    return LspServer.serveSocket(port, System.err, disk);
  }
}
