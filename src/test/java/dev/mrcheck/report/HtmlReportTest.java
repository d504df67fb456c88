package dev.mrcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.fix.FixTestTree;
import dev.mrcheck.fix.SourceTexts;
import dev.mrcheck.golden.GoldenMarkers;
import dev.mrcheck.rules.Rule;
import dev.mrcheck.rules.Rules;
import dev.mrcheck.scan.ScanResult;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  @TempDir static Path dir;
  static String html;
  static ScanResult result;

  @BeforeAll
  static void render() throws Exception {
    FixTestTree.copy(dir);
    result = FixTestTree.scan(dir, Set.of());
    html = render(result, dir);
  }

  static String render(ScanResult result, Path root) throws Exception {
    StringWriter out = new StringWriter();
    new HtmlReport(Rules.all().stream().map(Rule::info).toList(), SourceTexts.under(root))
        .write(result, out);
    return out.toString();
  }

  @Test
  void oneArticlePerFindingWithItsRuleAndSeverity() {
    assertThat(count("<article class=\"finding\""))
        .isEqualTo(result.findings().size())
        .isGreaterThan(3);
    assertThat(html)
        .contains(
            "data-rule=\"MR002\" data-severity=\"error\"",
            "data-rule=\"MR004\" data-severity=\"warning\"");
    assertThat(html)
        .contains("<table id=\"by-rule\">", "<table id=\"by-directory\">", "unparent-while-mapped");
  }

  @Test
  void excerptsAreEscapedSourceAroundTheLine() {
    int vgaLine = GoldenMarkers.flaggedLine("testdata/c/mr002_unparent_no_del_pci_exit.c", "MR002");
    assertThat(html)
        .contains(
            "<span class=\"line hit\"><span class=\"ln\">"
                + vgaLine
                + "</span>    object_unparent(OBJECT(&amp;s-&gt;vga_low));</span>");
    assertThat(html).doesNotContain("s->vga_low));</span>");
  }

  @Test
  void confirmedFindingsCarryAnInlineSvgGraphWithAHighlightedEdge() {
    assertThat(count("<svg class=\"object-graph\"")).isGreaterThan(3);
    assertThat(html).contains("class=\"edge mapped-in highlighted\"");
    // Several drawings on one page: marker ids must not collide.
    assertThat(count("id=\"f1-arrow-hot\"")).isEqualTo(1);
  }

  @Test
  void fixesAreShownAsDiffs() {
    assertThat(html)
        .contains(
            "<details class=\"fix\"><summary>Fix: Insert memory_region_del_subregion(",
            "<span class=\"line add\">+    memory_region_del_subregion(pci_address_space(pdev), &amp;s-&gt;vga_low);</span>");
  }

  @Test
  void selfContainedNoNetwork() {
    assertThat(html).contains("Content-Security-Policy", "default-src 'none'");
    Matcher m = Pattern.compile("(?:src|href)=\"(?!#)([^\"]*)\"").matcher(html);
    while (m.find()) assertThat(m.group(1)).as("no external resource").doesNotStartWith("http");
    assertThat(html).doesNotContain("<link ", "<script src");
  }

  @Test
  void sameInputSameBytes() throws Exception {
    assertThat(render(result, dir)).isEqualTo(html);
  }

  private static int count(String needle) {
    int n = 0;
    for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) n++;
    return n;
  }
}
