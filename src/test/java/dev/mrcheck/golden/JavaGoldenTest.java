package dev.mrcheck.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.model.Semantics;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same golden comparison as {@link GoldenTest}, over the Java device code in testdata/java: one
 * directory per binding style (facade: the object API; ffm: jextract style), with the stubs both
 * compile against in api.
 */
class JavaGoldenTest {
  static final Path ROOT = Path.of("testdata/java");

  /**
   * Per binding style, the cases there are now: each style is tested on its own, none may vanish.
   */
  private static final Map<String, Integer> MIN_CASES = Map.of("facade", 24, "ffm", 12);

  @ParameterizedTest(name = "{0}")
  @EnumSource(Semantics.class)
  void findingsMatchInlineExpectations(Semantics semantics) throws Exception {
    GoldenRunner.assertMatches(ROOT, semantics);
  }

  @Test
  void everyBindingStyleHasItsCases() {
    MIN_CASES.forEach(
        (style, min) -> {
          GoldenCorpus corpus = GoldenCorpus.load(ROOT.resolve(style));
          assertThat(corpus.cases())
              .as("cases in testdata/java/" + style)
              .hasSizeGreaterThanOrEqualTo(min);
          assertThat(GoldenTest.silentCases(corpus))
              .as("cases of " + style + " with neither a // BUG nor an // OK line")
              .isEmpty();
          assertThat(corpus.files().stream().anyMatch(f -> !f.bugs().isEmpty()))
              .as(style + " has a // BUG case")
              .isTrue();
          assertThat(corpus.files().stream().anyMatch(f -> !f.okRules().isEmpty()))
              .as(style + " has an // OK case")
              .isTrue();
        });
  }
}
