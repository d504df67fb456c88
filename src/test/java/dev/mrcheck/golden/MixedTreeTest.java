package dev.mrcheck.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.Scanner;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * C and Java device code scanned together: one result, each language's findings as when scanned
 * alone.
 */
class MixedTreeTest {
  @Test
  void cAndJavaInOneScan() throws Exception {
    ScanResult mixed = scan(List.of(Path.of("testdata/c"), Path.of("testdata/java")));
    ScanResult c = scan(List.of(Path.of("testdata/c")));
    ScanResult java = scan(List.of(Path.of("testdata/java")));

    assertThat(mixed.root()).isEqualTo(Path.of("testdata").toAbsolutePath().normalize());
    assertThat(mixed.findings()).hasSize(c.findings().size() + java.findings().size());
    assertThat(mixed.findings())
        .extracting(f -> f.loc().file())
        .anyMatch(f -> f.startsWith("c/") && f.endsWith(".c"))
        .anyMatch(f -> f.startsWith("java/") && f.endsWith(".java"));
    assertThat(keys(mixed, "c/")).containsExactlyElementsOf(keys(c, ""));
  }

  private static List<String> keys(ScanResult r, String prefix) {
    return r.findings().stream()
        .filter(f -> f.loc().file().endsWith(".c") || f.loc().file().endsWith(".h"))
        .map(
            f ->
                f.ruleId() + "@" + f.loc().file().substring(prefix.length()) + ":" + f.loc().line())
        .toList();
  }

  private static ScanResult scan(List<Path> paths) throws Exception {
    return new Scanner()
        .scan(
            new ScanRequest(
                paths, Semantics.CURRENT, Set.of(), List.of(), FrontendOptions.NONE, 2));
  }
}
