package dev.mrcheck.report;

import dev.mrcheck.analysis.AnalysisResult;
import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Rule;
import dev.mrcheck.rules.RuleInfo;
import dev.mrcheck.rules.Severity;
import dev.mrcheck.scan.FileProblem;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.ScanStats;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Hand-made rules and scan results for the report and CLI tests (no scanner involved). */
public final class Fixtures {
  private Fixtures() {}

  @RuleInfo(
      id = "TST002",
      name = "fake-warning",
      severity = Severity.WARNING,
      summary = "A fake warning rule.",
      description =
          "Stands in for a real rule in tests. Its description is long enough to be "
              + "wrapped when the rules command prints it, which is checked by a test that looks at "
              + "the width of every line.")
  public static final class FakeWarning extends Rule {
    @Override
    public void check(AnalysisResult analysis, Consumer<Finding> report) {}
  }

  @RuleInfo(
      id = "TST001",
      name = "fake-error",
      severity = Severity.ERROR,
      summary = "A fake error rule.",
      description = "Stands in for a real error rule in tests.")
  public static final class FakeError extends Rule {
    @Override
    public void check(AnalysisResult analysis, Consumer<Finding> report) {}
  }

  @RuleInfo(
      id = "TST003",
      name = "fake-note",
      severity = Severity.NOTE,
      summary = "A fake note rule.",
      description = "Stands in for a real note rule in tests.")
  public static final class FakeNote extends Rule {
    @Override
    public void check(AnalysisResult analysis, Consumer<Finding> report) {}
  }

  /** Deliberately not in id order: reports must sort. */
  public static List<RuleInfo> rules() {
    return List.of(new FakeWarning().info(), new FakeError().info(), new FakeNote().info());
  }

  /** A help page for TST001 only, so both "page present" and "page absent" are exercised. */
  public static HelpPages help() {
    return id ->
        id.equals("TST001")
            ? Optional.of("# TST001 fake-error\n\nBad:\n\n    object_unparent(OBJECT(&s->mmio));\n")
            : Optional.empty();
  }

  public static final ScanStats STATS = new ScanStats(12, 3, 4567, 89, 2, 1, 1234);

  public static Finding error() {
    return new Finding(
        "TST001",
        Severity.ERROR,
        new SourceLoc("hw/misc/a dev.c", 40, 5, 40, 37),
        "region 'self.mmio' unparented while mapped into \"self.container\" — dangling",
        List.of(
            new TraceStep(SourceLoc.of("hw/misc/a dev.c", 30, 3), "mapped here (realize)"),
            new TraceStep(SourceLoc.of("hw/misc/helpers.c", 12, 9), "called from my_unrealize")),
        "fp-error-0001");
  }

  public static Finding warning() {
    return new Finding(
        "TST002",
        Severity.WARNING,
        SourceLoc.of("hw/pci/b.c", 7, 1),
        "a fake warning",
        List.of(),
        "fp-warning-0002");
  }

  public static Finding note() {
    return new Finding(
        "TST003",
        Severity.NOTE,
        SourceLoc.of("hw/pci/b.c", 9, 2),
        "a fake note",
        List.of(),
        "fp-note-0003");
  }

  public static List<FileProblem> problems() {
    return List.of(
        new FileProblem(SourceLoc.of("hw/broken.c", 3, 1), "function dropped: parse error"),
        new FileProblem(new SourceLoc("hw/unreadable.c", 0, 0, 0, 0), "cannot read file"));
  }

  public static ScanResult result(Path root, List<Finding> findings, List<FileProblem> problems) {
    return new ScanResult(root, "current", findings.stream().sorted().toList(), problems, STATS);
  }

  /** Three findings of each level, a trace, two input problems. */
  public static ScanResult sample(Path root) {
    return result(root, List.of(error(), warning(), note()), problems());
  }

  public static ScanResult empty(Path root) {
    return result(root, List.of(), List.of());
  }
}
