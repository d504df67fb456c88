package dev.mrcheck.selftest;

import dev.mrcheck.confirm.Confirmation;
import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanOverlay;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.Scanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs the static analyzer on rendered sources without writing them: the scan reads them from an
 * overlay under a directory of their own, the way the language server scans open buffers, and
 * reuses the parse across semantics. Every rule finding is kept, confirmed by the runtime model or
 * not. Java renderings are compiled against the binding stubs of testdata/java/api (bundled in the
 * jar): they are written once to a directory given to the scan as {@code -I}, so the Java frontend
 * indexes and resolves against them as JavaGoldenTest's scan of testdata/java does, without
 * scanning them again for every program; C scans never see them.
 */
public final class AnalyzerRunner implements AutoCloseable {
  /**
   * The stubs in testdata/java/api, bundled under this resource directory; JavaRenderingTest keeps
   * the list whole.
   */
  static final String STUB_RESOURCES = "/dev/mrcheck/selftest/java-api/";

  static final List<String> STUBS =
      List.of(
          "AddressSpace.java",
          "DeviceState.java",
          "Error.java",
          "InstanceFinalize.java",
          "InstanceInit.java",
          "MemoryRegion.java",
          "MemoryRegionOps.java",
          "MemoryRegionSection.java",
          "PCIDevice.java",
          "Realize.java",
          "RegionSection.java",
          "Strings.java",
          "SysBusDevice.java",
          "Unrealize.java",
          "glib_h.java",
          "memory_h.java",
          "pci_h.java",
          "qapi_h.java",
          "qom_h.java");

  private final Path root;
  private final Path cRoot;
  private final Path javaRoot;
  private final Path javaApi;
  private final Scanner scanner = new Scanner();

  public AnalyzerRunner() {
    try {
      root = Files.createTempDirectory("mrcheck-selftest");
      cRoot = Files.createDirectory(root.resolve("c"));
      javaRoot = Files.createDirectory(root.resolve("java"));
      javaApi = Files.createDirectory(root.resolve("java-api"));
      Path api = Files.createDirectory(javaApi.resolve("api"));
      for (String stub : STUBS) {
        try (InputStream in = AnalyzerRunner.class.getResourceAsStream(STUB_RESOURCES + stub)) {
          if (in == null)
            throw new IllegalStateException("binding stub missing from the build: " + stub);
          Files.copy(in, api.resolve(stub));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A program's sources, ready to be scanned under several semantics with one parse. */
  public final class Session {
    private final ScanOverlay overlay;
    private final List<Path> paths;
    private final FrontendOptions options;

    Session(List<RenderedSource> sources) {
      Map<Path, String> texts = new HashMap<>();
      Set<Path> dirs = new LinkedHashSet<>();
      for (RenderedSource s : sources) {
        Path dir = s.fileName().endsWith(".java") ? javaRoot : cRoot;
        dirs.add(dir);
        texts.put(dir.resolve(s.fileName()).toAbsolutePath().normalize(), s.text());
      }
      overlay = new ScanOverlay(texts, true);
      paths = List.copyOf(dirs);
      options =
          dirs.contains(javaRoot)
              ? new FrontendOptions(List.of(javaApi), Map.of())
              : FrontendOptions.NONE;
    }

    public ScanResult scan(Semantics semantics) throws ScanException {
      ScanRequest request = new ScanRequest(paths, semantics, Set.of(), List.of(), options, 1);
      return scanner.scan(request, overlay);
    }
  }

  public Session session(List<RenderedSource> sources) {
    return new Session(sources);
  }

  /**
   * The findings of the rules the oracle table knows, as violations. A finding whose path the
   * runtime model refuted (a guard's test contradicts what the path wrote: rules.PathGuards) is not
   * one: deciding which paths exist is the analysis' part, as {@code mrcheck scan} drops it. One
   * the model merely did not reproduce stays: the self-test judges the rules, not the confirmation.
   */
  public static Set<Violation> violations(ScanResult result, Set<String> rules) {
    Set<Violation> out = new TreeSet<>();
    for (Finding f : result.findings()) {
      if (result.confirmation(f).map(Confirmation::refuted).orElse(false)) continue;
      if (rules.contains(f.ruleId())) out.add(new Violation(f.ruleId(), f.loc().line()));
    }
    return out;
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException | UncheckedIOException e) {
      // A temp directory left behind is harmless.
    }
  }
}
