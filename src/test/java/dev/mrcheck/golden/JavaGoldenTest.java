package dev.mrcheck.golden;

import static org.junit.jupiter.api.Assertions.fail;

import dev.mrcheck.model.Semantics;
import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.Scanner;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same golden comparison as {@link GoldenTest}, over the Java device code in testdata/java. */
class JavaGoldenTest {
  static final Path ROOT = Path.of("testdata/java");

  @ParameterizedTest(name = "{0}")
  @EnumSource(Semantics.class)
  void findingsMatchInlineExpectations(Semantics semantics) throws Exception {
    GoldenCorpus corpus = GoldenCorpus.load(ROOT);
    ScanResult result = new Scanner().scan(new ScanRequest(
        List.of(ROOT), semantics, Set.of(), List.of(), FrontendOptions.NONE, 2));
    GoldenDiff diff = GoldenDiff.compare(corpus.expectationsFor(semantics), result.findings());
    if (!diff.isEmpty()) fail("golden mismatch under --semantics " + semantics.label() + ":\n" + diff.describe());
  }
}
