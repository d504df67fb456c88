package dev.mrcheck.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.model.Semantics;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenCorpusTest {
  @TempDir Path root;

  @Test
  void loadsNestedFilesWithRootRelativeNamesAndFiltersBySemantics() throws Exception {
    Files.writeString(root.resolve("mr001_a.c"), "// BUG(legacy): MR001\nadd();\n");
    Files.createDirectories(root.resolve("case"));
    Files.writeString(root.resolve("case/helpers.c"), "// BUG: MR002\nunparent();\n");
    Files.writeString(root.resolve("case/dev.h"), "// OK: MR003 header\n");
    Files.writeString(root.resolve("README"), "// BUG: not a source file\n");

    GoldenCorpus corpus = GoldenCorpus.load(root);

    assertThat(corpus.files())
        .extracting(FileExpectations::file)
        .containsExactly("case/dev.h", "case/helpers.c", "mr001_a.c");
    assertThat(corpus.cSourceCount()).isEqualTo(2);
    assertThat(corpus.expectationsFor(Semantics.LEGACY))
        .extracting(Expectation::toString)
        .containsExactly("case/helpers.c:2: [MR002]", "mr001_a.c:2: [MR001]");
    assertThat(corpus.expectationsFor(Semantics.CURRENT)).hasSize(1);
    assertThat(corpus.positiveFiles("MR001")).containsExactly("mr001_a.c");
    assertThat(corpus.negativeFiles("MR003")).containsExactly("case/dev.h");
  }

  @Test
  void theRealCorpusParses() {
    GoldenCorpus corpus = GoldenCorpus.load(GoldenTest.ROOT);

    assertThat(corpus.expectationsFor(Semantics.LEGACY))
        .hasSizeGreaterThan(corpus.expectationsFor(Semantics.CURRENT).size());
    for (String rule : new String[] {"MR001", "MR002", "MR003"}) {
      assertThat(corpus.positiveFiles(rule)).as(rule + " positives").isNotEmpty();
      assertThat(corpus.negativeFiles(rule)).as(rule + " negatives").isNotEmpty();
    }
  }
}
