package dev.mrcheck.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Rule;
import dev.mrcheck.rules.Rules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scans testdata/c once per semantics and compares every finding, and every input problem, with the
 * inline markers of the files (syntax: {@link ExpectationParser}; {@code // BUG: MR00x [xN]},
 * {@code // OK: MR00x}, {@code // PROBLEM: text}). A failure lists every missing and every
 * unexpected finding or problem, not just the first.
 */
class GoldenTest {
  static final Path ROOT = Path.of("testdata/c");

  /** The cases there are now: deleting some must be a decision, made here, not an accident. */
  private static final int MIN_CASES = 150;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Semantics.class)
  void findingsMatchInlineExpectations(Semantics semantics) throws Exception {
    GoldenRunner.assertMatches(ROOT, semantics);
  }

  @Test
  void everyRuleHasPositiveAndNegativeFiles() {
    GoldenCorpus corpus = GoldenCorpus.load(ROOT);
    List<String> gaps = new ArrayList<>();
    for (Rule rule : Rules.all()) {
      String id = rule.info().id();
      if (corpus.positiveFiles(id).isEmpty()) gaps.add(id + ": no file with a // BUG line");
      if (corpus.negativeFiles(id).isEmpty()) gaps.add(id + ": no file with a // OK line");
    }
    assertThat(gaps).as("rules lacking golden coverage").isEmpty();
  }

  @Test
  void corpusIsLargeEnough() {
    assertThat(GoldenCorpus.load(ROOT).cases()).hasSizeGreaterThanOrEqualTo(MIN_CASES);
  }

  @Test
  void everyCaseStatesWhatItExpects() {
    assertThat(silentCases(GoldenCorpus.load(ROOT)))
        .as("cases with neither a // BUG nor an // OK line")
        .isEmpty();
  }

  static List<String> silentCases(GoldenCorpus corpus) {
    return corpus.cases().stream()
        .filter(
            c ->
                corpus.filesOf(c).stream()
                    .allMatch(f -> f.bugs().isEmpty() && f.okRules().isEmpty()))
        .toList();
  }
}
