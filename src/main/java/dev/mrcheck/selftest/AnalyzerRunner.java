package dev.mrcheck.selftest;

import dev.mrcheck.analysis.Semantics;
import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanOverlay;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.Scanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the static analyzer on rendered sources without writing them: the scan reads them from an
 * overlay under an empty directory, the way the language server scans open buffers, and reuses the
 * parse across semantics. Every rule finding is kept, confirmed by the runtime model or not.
 */
public final class AnalyzerRunner implements AutoCloseable {
  private final Path root;
  private final Scanner scanner = new Scanner();

  public AnalyzerRunner() {
    try {
      root = Files.createTempDirectory("mrcheck-selftest");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A program's sources, ready to be scanned under several semantics with one parse. */
  public final class Session {
    private final ScanOverlay overlay;

    Session(List<RenderedSource> sources) {
      Map<Path, String> texts = new java.util.HashMap<>();
      for (RenderedSource s : sources) texts.put(root.resolve(s.fileName()).toAbsolutePath().normalize(), s.text());
      overlay = new ScanOverlay(texts, true);
    }

    public ScanResult scan(Semantics semantics) throws ScanException {
      ScanRequest request = new ScanRequest(List.of(root), semantics, Set.of(), List.of(), FrontendOptions.NONE, 1);
      return scanner.scan(request, overlay);
    }
  }

  public Session session(List<RenderedSource> sources) {
    return new Session(sources);
  }

  /** The findings of the rules the oracle table knows, as violations. */
  public static Set<Violation> violations(ScanResult result, Set<String> rules) {
    Set<Violation> out = new java.util.TreeSet<>();
    for (Finding f : result.findings()) {
      if (rules.contains(f.ruleId())) out.add(new Violation(f.ruleId(), f.loc().line()));
    }
    return out;
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(root);
    } catch (IOException e) {
      // An empty temp directory left behind is harmless.
    }
  }
}
