package dev.mrcheck.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.model.Semantics;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Headers must not hide findings: a device scanned with the header that defines its static inline
 * helpers (predicates that read a field through the region pointer) reports what a scan of the
 * device alone reports. The case is the golden directory
 * testdata/c/mr006_find_skip_past_inline_header_helpers.
 */
class HeaderHelpersScanTest {
  private static final Path CASE = Path.of("testdata/c/mr006_find_skip_past_inline_header_helpers");
  private static final Path DEVICE = CASE.resolve("pagebal.c");
  private static final Path HEADERS = CASE.resolve("include");

  private static List<String> findings(Path... paths) throws ScanException {
    ScanResult r =
        new Scanner()
            .scan(
                new ScanRequest(
                    List.of(paths),
                    Semantics.CURRENT,
                    Set.of(),
                    List.of(),
                    FrontendOptions.NONE,
                    1));
    return r.findings().stream()
        .map(f -> f.ruleId() + "@" + Path.of(f.loc().file()).getFileName() + ":" + f.loc().line())
        .toList();
  }

  @Test
  void theDeviceAloneReportsTheLeakOnTheSkipPath() throws Exception {
    assertThat(findings(DEVICE)).containsExactly("MR006@pagebal.c:38");
  }

  @Test
  void scanningTheHeaderWithItsInlineHelpersReportsTheSameLeak() throws Exception {
    assertThat(findings(DEVICE, HEADERS)).containsExactly("MR006@pagebal.c:38");
    assertThat(findings(CASE)).containsExactly("MR006@pagebal.c:38");
  }
}
