package dev.mrcheck.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java renderings: every statement kind on a line of its own, and the bundled stubs complete.
 */
class JavaRenderingTest {

  /**
   * Lines of realize's error paths that report the failure, which stand for no statement of the
   * program.
   */
  private static long errorReports(RenderedSource src) {
    return src.text().lines().filter(l -> l.contains("setg")).count();
  }

  @Test
  void everyStatementHasALineOfItsOwn() {
    for (boolean pci : List.of(true, false)) {
      DeviceProgram p = EveryStatementKind.of(pci, false);
      for (String language : List.of(JavaFacadeRenderer.LANGUAGE, JavaFfmRenderer.LANGUAGE)) {
        RenderedSource src = SelfCheck.render(language, p);
        assertThat(src.lines()).hasSize(p.size() - 1); // the IfError itself has no line
        assertThat(src.lines().values()).doesNotHaveDuplicates();
        assertThat(src.text()).contains(pci ? "extends PCIDevice" : "extends SysBusDevice");
        assertThat(errorReports(src)).as("realize's error path reports its failure").isEqualTo(1);
      }
    }
  }

  @Test
  void languagesExpandJavaAndAll() {
    assertThat(SelfCheck.languages(List.of("java"))).containsExactly("java-facade", "java-ffm");
    assertThat(SelfCheck.languages(List.of("c", "all")))
        .containsExactly("c", "java-facade", "java-ffm");
  }

  @Test
  void bundledStubListIsTestdataJavaApi() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("testdata/java/api"))) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
          .containsExactlyElementsOf(AnalyzerRunner.STUBS.stream().sorted().toList());
    }
  }
}
