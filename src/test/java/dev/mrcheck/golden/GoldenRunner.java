package dev.mrcheck.golden;

import dev.mrcheck.confirm.Confirmation;
import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.Scanner;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The golden comparison on any directory: parse the markers of every source under it (a marker
 * error throws {@link IllegalArgumentException} with its file:line), scan it under one semantics,
 * and diff the findings and the input problems against the markers. {@link GoldenTest} and {@link
 * JavaGoldenTest} run it on testdata; {@link GoldenRunnerMutationTest} on broken copies of it.
 */
public final class GoldenRunner {
  private GoldenRunner() {}

  public static GoldenDiff diff(Path root, Semantics semantics) throws ScanException {
    GoldenCorpus corpus = GoldenCorpus.load(root);
    ScanResult result =
        new Scanner()
            .scan(
                new ScanRequest(
                    List.of(root), semantics, Set.of(), List.of(), FrontendOptions.NONE, 2));
    // The tool drops a refuted finding by default (its path cannot happen): an // OK case.
    List<Finding> shown =
        result.findings().stream()
            .filter(f -> !result.confirmation(f).map(Confirmation::refuted).orElse(false))
            .toList();
    return GoldenDiff.compare(
        corpus.expectationsFor(semantics), shown, corpus.problems(), result.problems());
  }

  /** Fails with every difference under {@code semantics}, not just the first. */
  public static void assertMatches(Path root, Semantics semantics) throws ScanException {
    GoldenDiff diff = diff(root, semantics);
    if (!diff.isEmpty()) {
      throw new AssertionError(
          "golden mismatch in "
              + root
              + " under --semantics "
              + semantics.label()
              + ":\n"
              + diff.describe());
    }
  }
}
