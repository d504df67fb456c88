package dev.mrcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Severity;
import dev.mrcheck.scan.ScanResult;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportTest {
  private static final Path ROOT = Path.of("/src/qemu");

  @Test
  void findingsAreCompilerStyleDiagnosticsWithTheTraceAsNotes() throws IOException {
    assertThat(render(new TextReport("testdata/c"), Fixtures.sample(ROOT)))
        .isEqualTo(
            """
        testdata/c/hw/misc/a dev.c:40:5: error: region 'self.mmio' unparented while mapped into \
        "self.container" — dangling [TST001]
        testdata/c/hw/misc/a dev.c:30:3: note: mapped here (realize)
        testdata/c/hw/misc/helpers.c:12:9: note: called from my_unrealize
        testdata/c/hw/pci/b.c:7:1: warning: a fake warning [TST002]
        testdata/c/hw/pci/b.c:9:2: note: a fake note [TST003]
        """);
  }

  @Test
  void emptyDisplayRootPrintsScanRelativePaths() throws IOException {
    ScanResult r = Fixtures.result(ROOT, List.of(Fixtures.warning()), List.of());
    assertThat(render(new TextReport(""), r))
        .isEqualTo("hw/pci/b.c:7:1: warning: a fake warning [TST002]\n");
  }

  @Test
  void noFindingsPrintsNothing() throws IOException {
    assertThat(render(new TextReport("x/"), Fixtures.empty(ROOT))).isEmpty();
  }

  @Test
  void aMultiLineMessageStaysOnOneLine() throws IOException {
    Finding f =
        new Finding(
            "TST001", Severity.ERROR, SourceLoc.of("a.c", 1, 1), "first\nsecond", List.of(), "fp");
    assertThat(render(new TextReport(""), Fixtures.result(ROOT, List.of(f), List.of())))
        .isEqualTo("a.c:1:1: error: first\\nsecond [TST001]\n");
  }

  @Test
  void inputProblemsAreWarningsTaggedInputAndWholeFileProblemsHaveNoPosition() throws IOException {
    StringWriter out = new StringWriter();
    new TextReport("root").writeProblems(Fixtures.sample(ROOT), out);
    assertThat(out.toString())
        .isEqualTo(
            """
        root/hw/broken.c:3:1: warning: function dropped: parse error [input]
        root/hw/unreadable.c: warning: cannot read file [input]
        """);
  }

  private static String render(Report report, ScanResult result) throws IOException {
    StringWriter out = new StringWriter();
    report.write(result, out);
    return out.toString();
  }
}
