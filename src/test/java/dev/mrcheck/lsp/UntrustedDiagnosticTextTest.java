package dev.mrcheck.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Severity;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics and hovers show text from the scanned tree with its control characters escaped (issue
 * 15).
 */
class UntrustedDiagnosticTextTest {
  private static final String NAME = "evil\u001b[2J\n.c";

  private static Finding finding() {
    return new Finding(
        "MR002",
        Severity.ERROR,
        SourceLoc.of(NAME, 3, 5),
        "object_unparent(s->r) while mapped at " + NAME + ":2\u202e",
        List.of(new TraceStep(SourceLoc.of(NAME, 2, 5), "mapped here in " + NAME)),
        "fp");
  }

  @Test
  void diagnosticMessagesAndRelatedInformationAreEscaped() {
    Diagnostic d = FindingDiagnostics.of(finding(), Path.of("/tmp/root"));
    assertThat(d.getMessage().getLeft())
        .isEqualTo("object_unparent(s->r) while mapped at evil\\033[2J\\n.c:2\\u202e");
    assertThat(d.getRelatedInformation().get(0).getMessage())
        .isEqualTo("mapped here in evil\\033[2J\\n.c");
  }

  @Test
  void hoverTextIsEscaped() {
    String md = HoverText.markdown(List.of(finding()));
    assertThat(md)
        .doesNotContain("\u001b")
        .doesNotContain("\u202e")
        .contains("while mapped at evil\\033[2J\\n.c:2\\u202e")
        .contains("`evil\\033[2J\\n.c:2:5` mapped here in evil\\033[2J\\n.c");
  }
}
