package dev.mrcheck.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mrcheck.analysis.Semantics;
import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.rules.Rule;
import dev.mrcheck.rules.Rules;
import dev.mrcheck.scan.FileProblem;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.Scanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scans testdata/c once per semantics and compares every finding with the inline
 * {@code // BUG...:} expectations of the files (see {@link ExpectationParser}). A failure lists
 * every missing and every unexpected finding, not just the first.
 */
class GoldenTest {
  static final Path ROOT = Path.of("testdata/c");
  private static final int MIN_FILES = 40;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Semantics.class)
  void findingsMatchInlineExpectations(Semantics semantics) throws Exception {
    GoldenCorpus corpus = GoldenCorpus.load(ROOT);
    ScanResult result = new Scanner().scan(new ScanRequest(
        List.of(ROOT), semantics, Set.of(), List.of(), FrontendOptions.NONE, 2));

    GoldenDiff diff = GoldenDiff.compare(corpus.expectationsFor(semantics), result.findings());
    if (!diff.isEmpty()) {
      fail("golden mismatch under --semantics " + semantics.label() + ":\n" + diff.describe()
          + problems(result.problems()));
    }
    // Baselines and code scanning tell findings apart by fingerprint alone.
    Map<String, List<String>> byFingerprint = new TreeMap<>();
    for (var f : result.findings()) {
      byFingerprint.computeIfAbsent(f.fingerprint(), k -> new ArrayList<>()).add(f.ruleId() + " " + f.loc());
    }
    byFingerprint.values().removeIf(l -> l.size() == 1);
    assertThat(byFingerprint).as("findings sharing a fingerprint under " + semantics.label()).isEmpty();
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
    assertThat(GoldenCorpus.load(ROOT).cSourceCount()).isGreaterThanOrEqualTo(MIN_FILES);
  }

  @Test
  void everyCaseStatesWhatItExpects() {
    // a case is a top-level file or a top-level directory of files analyzed together
    GoldenCorpus corpus = GoldenCorpus.load(ROOT);
    List<String> silent = corpus.files().stream()
        .map(f -> f.file().contains("/") ? f.file().substring(0, f.file().indexOf('/')) : f.file())
        .distinct()
        .filter(c -> corpus.files().stream()
            .filter(f -> f.file().equals(c) || f.file().startsWith(c + "/"))
            .allMatch(f -> f.bugs().isEmpty() && f.okRules().isEmpty()))
        .toList();
    assertThat(silent).as("cases with neither a // BUG nor an // OK line").isEmpty();
  }

  private static String problems(List<FileProblem> problems) {
    if (problems.isEmpty()) return "";
    StringBuilder sb = new StringBuilder("input problems reported by the scan (")
        .append(problems.size()).append("):\n");
    problems.forEach(p -> sb.append("  ").append(p.loc()).append(": ").append(p.message())
        .append('\n'));
    return sb.toString();
  }
}
