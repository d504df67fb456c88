package dev.mrcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.fix.SourceTexts;
import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Rule;
import dev.mrcheck.rules.Rules;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.Scanner;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report lists the input problems, and shows code from files that are not valid UTF-8
 * (issue 15).
 */
class HtmlInputProblemsTest {
  @Test
  void inputProblemsAreACollapsedSectionWithCountsByKind(@TempDir Path dir) throws Exception {
    Files.copy(Path.of("testdata/c/mr002_unparent_no_del_pci_exit.c"), dir.resolve("dev.c"));
    Files.writeString(
        dir.resolve("broken.c"),
        """
        #include "exec/memory.h"
        void broken_init(MemoryRegion *mr) {
            memory_region_init(mr, NULL, "x", 0x10) +* ;
        }
        """);
    Files.write(dir.resolve("blob.c"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 0, 1});
    ScanResult result = scan(dir);
    assertThat(result.problems()).hasSizeGreaterThanOrEqualTo(2);

    String html = render(result, dir);
    assertThat(html)
        .contains(
            "<section id=\"problems\">\n<details><summary>Input problems: "
                + result.problems().size()
                + " (");
    assertThat(html)
        .contains("binary file skipped: 1")
        .contains("<span class=\"where\">blob.c:1:1</span>");
    assertThat(html).containsPattern("<li><span class=\"where\">broken\\.c:3:\\d+</span>");
    assertThat(html).doesNotContain("<details open><summary>Input problems");
  }

  @Test
  void noProblemsNoSection(@TempDir Path dir) throws Exception {
    Files.copy(Path.of("testdata/c/mr002_unparent_no_del_pci_exit.c"), dir.resolve("dev.c"));
    assertThat(render(scan(dir), dir)).doesNotContain("id=\"problems\"");
  }

  @Test
  void aFileWithInvalidUtf8StillShowsItsCode(@TempDir Path dir) throws Exception {
    String source = Files.readString(Path.of("testdata/c/mr002_unparent_no_del_pci_exit.c"));
    // A comment in Latin-1 next to the finding: the file is not valid UTF-8.
    Files.write(
        dir.resolve("dev.c"),
        source
            .replace("// BUG: MR002", "// BUG: MR002 (Fran\u00e7ois)")
            .getBytes(StandardCharsets.ISO_8859_1));
    String html = render(scan(dir), dir);
    assertThat(html)
        .doesNotContain("(source not available)")
        .contains(
            "<span class=\"line hit\"><span class=\"ln\">46</span>    object_unparent(OBJECT(&amp;s-&gt;vga_low));")
        .contains("Fran\uFFFDois");
  }

  private static ScanResult scan(Path dir) throws Exception {
    return new Scanner()
        .scan(
            new ScanRequest(
                List.of(dir), Semantics.CURRENT, Set.of(), List.of(), FrontendOptions.NONE, 1));
  }

  private static String render(ScanResult result, Path root) throws Exception {
    StringWriter out = new StringWriter();
    new HtmlReport(Rules.all().stream().map(Rule::info).toList(), SourceTexts.exact(root))
        .withExcerpts(SourceTexts.under(root))
        .write(result, out);
    return out.toString();
  }
}
