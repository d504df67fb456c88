package dev.mrcheck.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.model.Semantics;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not sources must not sink the scan (issue 15): a link to {@code /dev/zero} and a 3
 * GB file once drove the JVM out of memory. Only regular files up to the size limit are read; the
 * others are input problems and the rest of the tree is analyzed.
 */
class UnreadableSourceTest {
  private static final String BUGGY = PciDeviceSource.of("win", PciDeviceSource.BUGGY);

  @TempDir Path tree;

  private static ScanRequest request(Path tree, FrontendOptions options) {
    return new ScanRequest(List.of(tree), Semantics.CURRENT, Set.of(), List.of(), options, 2);
  }

  @Test
  void aDeviceLinkAndAHugeSparseFileAreSkippedAndTheRestIsAnalyzed() throws Exception {
    Files.writeString(tree.resolve("dev.c"), "#include \"random.h\"\n" + BUGGY);
    Files.createSymbolicLink(tree.resolve("zero.c"), Path.of("/dev/zero"));
    Files.createSymbolicLink(tree.resolve("random.h"), Path.of("/dev/urandom")); // included too
    try (RandomAccessFile big = new RandomAccessFile(tree.resolve("big.c").toFile(), "rw")) {
      big.setLength(3L << 30); // sparse: 3 GiB long, no disk used
    }

    ScanResult r = new Scanner().scan(request(tree, new FrontendOptions(List.of(tree), Map.of())));

    assertThat(r.findings())
        .extracting(f -> f.ruleId() + "@" + f.loc().file())
        .contains("MR002@dev.c");
    assertThat(r.problems())
        .extracting(p -> p.loc().file() + ": " + p.message())
        .containsExactly(
            "big.c: skipped: the file is 3 GiB, over the 16 MiB limit (--max-file-size)",
            "random.h: skipped: not a regular file (a device, pipe or socket)",
            "zero.c: skipped: not a regular file (a device, pipe or socket)");
  }

  @Test
  void theLimitIsTheRequests() throws Exception {
    Files.writeString(tree.resolve("dev.c"), BUGGY);
    Files.writeString(tree.resolve("small.c"), "int x;\n");

    ScanResult r = new Scanner().scan(request(tree, FrontendOptions.NONE).withMaxFileSize(100));

    assertThat(r.findings()).isEmpty();
    assertThat(r.problems())
        .extracting(p -> p.loc().file() + ": " + p.message())
        .containsExactly(
            "dev.c: skipped: the file is "
                + dev.mrcheck.io.SourceReader.size(BUGGY.length())
                + ", over the 100 bytes limit (--max-file-size)");
  }

  @Test
  void aBrokenLinkSaysSoInPlainWords() throws Exception {
    Files.writeString(tree.resolve("dev.c"), BUGGY);
    Files.createSymbolicLink(tree.resolve("link.c"), tree.resolve("gone.c"));

    ScanResult r = new Scanner().scan(request(tree, FrontendOptions.NONE));

    assertThat(r.problems())
        .extracting(p -> p.loc().file() + ": " + p.message())
        .containsExactly("link.c: cannot read file: no such file (broken symbolic link)");
  }
}
