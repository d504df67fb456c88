package dev.mrcheck.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.model.Semantics;
import dev.mrcheck.scan.ScanException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The analyzer against the runtime model on generated device programs (issue #6). A program is the
 * list of decisions its generator took, so jqwik shrinks the program by shrinking the list; a
 * failure prints the minimal C source, the model's trace and both verdicts.
 *
 * <p>{@link KnownGaps} lists the disagreements already understood and left for the analysis
 * (README, "Self-test"); anything else fails.
 */
class AnalyzerAgreesWithModelProperties {
  private static final AnalyzerRunner ANALYZER = new AnalyzerRunner();
  private static final SelfCheck CHECK = new SelfCheck(ANALYZER, List.of(Semantics.values()), List.of("c"));
  /** C and both Java binding styles, on fewer programs: a Java scan costs about what a C scan does. */
  private static final SelfCheck ALL_LANGUAGES =
      new SelfCheck(ANALYZER, List.of(Semantics.values()), SelfCheck.languages(List.of("all")));

  @AfterContainer
  static void close() {
    ANALYZER.close();
  }

  @Provide
  Arbitrary<List<Integer>> decisions() {
    return Arbitraries.integers().between(0, 99).list().ofMaxSize(80);
  }

  @Property(tries = 150, seed = "20261125", shrinking = ShrinkingMode.BOUNDED)
  void straightLineProgramsAgreeExactly(@ForAll("decisions") List<Integer> decisions) throws ScanException {
    DeviceProgram p = new ProgramGenerator(ProgramGenerator.Limits.DEFAULT.straightLine()).generate(Choices.of(decisions));
    SelfCheck.Report r = CHECK.check(p);
    assertThat(KnownGaps.unexplained(r)).as("disagreement on a straight-line program:%n%s", r.describe()).isEmpty();
  }

  /** The Java renderings agree with the model wherever C does. */
  @Property(tries = 100, seed = "20261127", shrinking = ShrinkingMode.BOUNDED)
  void javaRenderingsAgreeAsCDoes(@ForAll("decisions") List<Integer> decisions) throws ScanException {
    DeviceProgram p = new ProgramGenerator(ProgramGenerator.Limits.DEFAULT.straightLine()).generate(Choices.of(decisions));
    SelfCheck.Report r = ALL_LANGUAGES.check(p);
    // C's own disagreements are the other properties' (and KnownGaps') business.
    for (String language : List.of(JavaFacadeRenderer.LANGUAGE, JavaFfmRenderer.LANGUAGE)) {
      assertThat(r.disagreements(language)).as("%s disagrees where C does not:%n%s", language, r.describe())
          .isSubsetOf(r.disagreements("c"));
    }
  }

  @Property(tries = 100, seed = "20261126", shrinking = ShrinkingMode.BOUNDED)
  void branchingProgramsHaveNoUnreproducibleFinding(@ForAll("decisions") List<Integer> decisions)
      throws ScanException {
    DeviceProgram p = new ProgramGenerator(ProgramGenerator.Limits.DEFAULT).generate(Choices.of(decisions));
    SelfCheck.Report r = CHECK.check(p);
    assertThat(KnownGaps.unexplained(r)).as("finding the model does not reproduce:%n%s", r.describe()).isEmpty();
  }
}
