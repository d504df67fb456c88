package dev.mrcheck.cli;

import dev.mrcheck.model.Semantics;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.selftest.AnalyzerRunner;
import dev.mrcheck.selftest.ProgramGenerator;
import dev.mrcheck.selftest.SelfCheck;
import dev.mrcheck.selftest.SelftestRun;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mrcheck selftest}: generates device programs, runs each in the runtime model and through
 * the analyzer, and prints how often they agree. Exit 1 when they disagree.
 */
@Command(
    name = "selftest",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Check the analyzer against the runtime model on generated device programs: programs/s, agreement per "
          + "rule and semantics, and the minimized counterexamples.",
    })
final class SelftestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--programs",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Programs to generate. Default: ${DEFAULT-VALUE}.")
  long programs;

  @Option(
      names = "--from",
      paramLabel = "K",
      defaultValue = "0",
      description =
          "Check the programs from #K of the seed on (the ones before are generated, not checked): "
              + "a counterexample's number reproduces it. Default: ${DEFAULT-VALUE}.")
  long from;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed of the generator. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--semantics",
      paramLabel = "MODEL",
      split = ",",
      description =
          "Semantics to check, comma-separated: legacy, current, refcount. Default: all three.")
  List<Semantics> semantics = new ArrayList<>();

  @Option(
      names = "--language",
      paramLabel = "LANG",
      split = ",",
      description =
          "Renderings to scan, comma-separated: c, java-facade (object API), java-ffm (jextract style), "
              + "java (both Java styles), all. Default: c.")
  List<String> languages = new ArrayList<>();

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description = "Programs checked at once. Default: the number of cores.")
  Integer jobs;

  @Option(
      names = "--counterexamples",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Minimized counterexamples to print of each kind of disagreement. Default: ${DEFAULT-VALUE}.")
  int counterexamples;

  @Option(names = "--straight-line", description = "Only programs without error branches.")
  boolean straightLine;

  @Override
  public Integer call() throws ScanException {
    List<String> langs;
    try {
      langs = SelfCheck.languages(languages.isEmpty() ? List.of("c") : languages);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--language: " + e.getMessage());
    }
    if (from < 0)
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--from must be >= 0");
    if (programs < 0)
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--programs must be >= 0");
    List<Semantics> sems = semantics.isEmpty() ? List.of(Semantics.values()) : semantics;
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProgramGenerator.Limits limits =
        straightLine
            ? ProgramGenerator.Limits.DEFAULT.straightLine()
            : ProgramGenerator.Limits.DEFAULT;
    long start = System.nanoTime();
    try (AnalyzerRunner analyzer = new AnalyzerRunner()) {
      SelftestRun run =
          new SelftestRun(
              new SelfCheck(analyzer, sems, langs), new ProgramGenerator(limits), counterexamples);
      run.run(
          seed,
          from,
          programs,
          jobs == null ? Runtime.getRuntime().availableProcessors() : jobs,
          err);
      run.print(out, (System.nanoTime() - start) / 1e9);
      out.flush();
      return run.disagreeing() == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
  }
}
