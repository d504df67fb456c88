package dev.mrcheck.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Severity;
import dev.mrcheck.scan.ScanException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
  @TempDir Path tmp;

  private static Finding finding(String rule, int line, String fp) {
    return new Finding(
        rule, Severity.ERROR, SourceLoc.of("hw/dev.c", line, 5), "msg " + fp, List.of(), fp);
  }

  private Path written(List<Finding> findings) throws IOException {
    StringWriter w = new StringWriter();
    Baseline.of(findings).write(w);
    return Files.writeString(tmp.resolve("baseline.json"), w.toString());
  }

  @Test
  void roundTripKeepsEveryEntry() throws Exception {
    List<Finding> findings =
        List.of(finding("MR002", 40, "aa"), finding("MR001", 10, "bb"), finding("MR002", 60, "aa"));
    Baseline read = Baseline.read(written(findings));
    assertThat(read.entries()).extracting(Baseline.Entry::line).containsExactly(10, 40, 60);
    assertThat(read).isEqualTo(Baseline.of(findings));
  }

  @Test
  void matchingIgnoresLinesAndCountsDuplicates() throws Exception {
    Baseline b =
        Baseline.read(written(List.of(finding("MR002", 40, "aa"), finding("MR001", 10, "gone"))));
    BaselineComparison c =
        BaselineComparison.of(
            List.of(
                finding("MR002", 52, "aa"), finding("MR002", 70, "aa"), finding("MR004", 5, "cc")),
            b);
    assertThat(c.unchanged()).extracting(f -> f.loc().line()).containsExactly(52);
    assertThat(c.fresh())
        .extracting(f -> f.ruleId() + ":" + f.loc().line())
        .containsExactly("MR002:70", "MR004:5");
    assertThat(c.absent()).extracting(Baseline.Entry::fingerprint).containsExactly("gone");
  }

  @Test
  void sameFingerprintUnderAnotherRuleIsNotAMatch() throws Exception {
    Baseline b = Baseline.read(written(List.of(finding("MR002", 40, "aa"))));
    assertThat(BaselineComparison.of(List.of(finding("MR004", 40, "aa")), b).fresh()).hasSize(1);
  }

  @Test
  void badFilesAreOneLineErrors() throws IOException {
    assertThatThrownBy(() -> Baseline.read(tmp.resolve("missing.json")))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("baseline file not found")
        .hasMessageContaining("--write-baseline");
    Path junk = Files.writeString(tmp.resolve("junk.json"), "{\"findings\": [");
    assertThatThrownBy(() -> Baseline.read(junk))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("not valid JSON");
    Path sarif = Files.writeString(tmp.resolve("report.sarif"), "{\"runs\": []}");
    assertThatThrownBy(() -> Baseline.read(sarif))
        .hasMessageContaining("is it an mrcheck baseline?");
    Path old =
        Files.writeString(
            tmp.resolve("old.json"), "{\"fingerprints\": \"mrcheck/v1\", \"findings\": []}");
    assertThatThrownBy(() -> Baseline.read(old))
        .hasMessageContaining("uses fingerprints 'mrcheck/v1'");
  }
}
