package dev.mrcheck.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.model.Semantics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input is reported per file and the rest of the tree is still analyzed; nothing is written
 * into the tree.
 */
class ScannerInputTest {
  private static final String BUGGY = PciDeviceSource.of("win", PciDeviceSource.BUGGY);

  @TempDir Path tree;

  private ScanResult scan(Path... paths) throws ScanException {
    return new Scanner()
        .scan(
            new ScanRequest(
                List.of(paths), Semantics.CURRENT, Set.of(), List.of(), FrontendOptions.NONE, 2));
  }

  @Test
  void missingPathIsAUsageError() {
    assertThatThrownBy(() -> scan(tree.resolve("nope")))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("no such file or directory");
  }

  @Test
  void badFilesAreReportedAndTheRestIsAnalyzed() throws Exception {
    Files.writeString(tree.resolve("dev.c"), BUGGY);
    Files.writeString(tree.resolve("empty.c"), "");
    Files.write(tree.resolve("blob.c"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3});
    byte[] latin1 =
        ("/* caf\u00e9 */\n" + BUGGY.replace("win", "wim")).getBytes(StandardCharsets.ISO_8859_1);
    Files.write(tree.resolve("latin1.c"), latin1);
    Files.writeString(
        tree.resolve("broken.c"),
        "static void f(void) { memory_region_ref(&x->y; }\n" + BUGGY.replace("win", "wib"));
    Files.createSymbolicLink(tree.resolve("dangling.c"), tree.resolve("missing-target.c"));

    ScanResult r = scan(tree);

    assertThat(r.findings())
        .extracting(f -> f.ruleId() + "@" + f.loc().file())
        .contains("MR002@dev.c", "MR002@latin1.c", "MR002@broken.c");
    assertThat(r.problems())
        .extracting(p -> p.loc().file() + ": " + p.message())
        .anyMatch(m -> m.startsWith("blob.c: binary file"))
        .anyMatch(m -> m.startsWith("dangling.c: cannot read file"))
        .anyMatch(m -> m.startsWith("broken.c"));
  }

  @Test
  void aFiftyThousandLineFileIsAnalyzed() throws Exception {
    StringBuilder big = new StringBuilder(BUGGY);
    for (int i = 0; i < 5600; i++) {
      big.append("static int reg_read_")
          .append(i)
          .append("(void *opaque, hwaddr addr)\n{\n")
          .append(
              "    int v = 0;\n    switch (addr) {\n    case 0: v = 1; break;\n    default: v = 2;\n    }\n")
          .append("    return v;\n}\n");
    }
    Files.writeString(tree.resolve("big.c"), big);
    ScanResult r = scan(tree);
    assertThat(r.stats().linesParsed()).isGreaterThan(50_000);
    assertThat(r.findings())
        .extracting(f -> f.ruleId() + "@" + f.loc().file())
        .contains("MR002@big.c")
        .allMatch(k -> k.endsWith("@big.c"));
  }

  @Test
  void theScannedTreeIsNotWritten() throws Exception {
    Files.writeString(tree.resolve("dev.c"), BUGGY);
    List<String> before = listing(tree);
    scan(tree);
    assertThat(listing(tree)).isEqualTo(before);
  }

  private static List<String> listing(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.map(p -> p + ":" + p.toFile().length() + ":" + p.toFile().lastModified())
          .sorted()
          .toList();
    }
  }
}
