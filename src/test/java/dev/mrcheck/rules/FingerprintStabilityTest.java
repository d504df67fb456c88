package dev.mrcheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.Scanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fingerprints are unique within a scan (all of testdata/c, under each semantics) and do not change
 * when lines move: a baseline written before an edit above a finding still matches it.
 */
class FingerprintStabilityTest {
  /**
   * Files whose findings shared fingerprints under mrcheck/v2 (an MR004 error and warning each).
   */
  private static final List<String> FILES =
      List.of(
          "mr004_finalize_sees_unrealize_and_teardown_states.c",
          "mr004_peer_region_into_own_container_in_finalize.c",
          "mr004_shared_teardown_helper_in_finalize.c",
          "mr004_unref_after_unparent_in_finalize.c",
          "mr002_del_on_one_branch_only.c");

  private static final int INSERTED = 7;

  @Test
  void fingerprintsAreUniqueAndSurviveLinesInsertedAbove(@TempDir Path dir) throws Exception {
    for (String f : FILES) Files.copy(Path.of("testdata/c").resolve(f), dir.resolve(f));
    Map<String, String> before = byPosition(scan(dir), 0);
    assertThat(before).hasSizeGreaterThanOrEqualTo(8);
    assertThat(Set.copyOf(before.values()))
        .as("unique within the scan")
        .hasSameSizeAs(before.values());

    for (String f : FILES) {
      Path p = dir.resolve(f);
      Files.writeString(p, "/* moved down */\n".repeat(INSERTED) + Files.readString(p));
    }
    Map<String, String> after = byPosition(scan(dir), INSERTED);
    assertThat(after).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Semantics.class)
  void everyFindingOfTestdataHasAFingerprintOfItsOwn(Semantics semantics) throws Exception {
    ScanResult r =
        new Scanner()
            .scan(
                new ScanRequest(
                    List.of(Path.of("testdata/c")),
                    semantics,
                    Set.of(),
                    List.of(),
                    FrontendOptions.NONE,
                    2,
                    true));
    Map<String, List<String>> byFingerprint = new TreeMap<>();
    for (Finding f : r.findings()) {
      byFingerprint
          .computeIfAbsent(f.fingerprint(), k -> new ArrayList<>())
          .add(f.ruleId() + " " + f.loc());
    }
    assertThat(r.findings()).hasSizeGreaterThan(100);
    byFingerprint.values().removeIf(l -> l.size() == 1);
    assertThat(byFingerprint).as("findings sharing a fingerprint").isEmpty();
  }

  @Test
  void theSecondAndLaterOfAFingerprintGetAnOrdinalInSourceOrder() {
    Finding a = finding(10, "fp");
    Finding b = finding(20, "fp");
    Finding c = finding(30, "fp");
    Finding other = finding(15, "other");
    List<Finding> out = FingerprintOrdinals.disambiguate(List.of(a, other, b, c));
    assertThat(out)
        .extracting(Finding::fingerprint)
        .containsExactly("fp", "other", Fingerprint.of("fp", "#2"), Fingerprint.of("fp", "#3"));
    // The same findings further down the file: the same fingerprints.
    List<Finding> moved =
        FingerprintOrdinals.disambiguate(
            List.of(
                finding(110, "fp"), finding(115, "other"), finding(120, "fp"), finding(130, "fp")));
    assertThat(moved)
        .extracting(Finding::fingerprint)
        .isEqualTo(out.stream().map(Finding::fingerprint).toList());
  }

  private static Finding finding(int line, String fp) {
    return new Finding("MR004", Severity.ERROR, SourceLoc.of("a.c", line, 5), "m", List.of(), fp);
  }

  private static ScanResult scan(Path dir) throws Exception {
    return new Scanner()
        .scan(
            new ScanRequest(
                List.of(dir), Semantics.CURRENT, Set.of(), List.of(), FrontendOptions.NONE, 1));
  }

  /** rule, file, line (minus {@code shift}) and column to fingerprint. */
  private static Map<String, String> byPosition(ScanResult r, int shift) {
    Map<String, String> m = new TreeMap<>();
    for (Finding f : r.findings()) {
      m.put(
          f.ruleId()
              + " "
              + f.loc().file()
              + ":"
              + (f.loc().line() - shift)
              + ":"
              + f.loc().column(),
          f.fingerprint());
    }
    return m;
  }
}
