package dev.mrcheck.cli;

import dev.mrcheck.confirm.Confirmation;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.pipeline.FindingsPipeline;
import dev.mrcheck.report.TextReport;
import dev.mrcheck.report.VisibleText;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.runtime.Outcome;
import dev.mrcheck.runtime.TraceEntry;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mrcheck explain FILE:LINE [PATH]}: scans (PATH, default FILE) keeping every finding, and
 * prints for the findings at FILE:LINE the runtime model's whole replay of their witness: every
 * model step and every outcome, with the verdict.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Print the runtime model's full replay of the findings at FILE:LINE: every step, the outcomes, "
          + "and whether the finding is confirmed.",
    })
final class ExplainCommand implements Callable<Integer> {
  private static final Pattern FILE_LINE = Pattern.compile("(.+):(\\d+)");

  /** How many findings of the file a line without one lists. */
  private static final int NEAREST = 3;

  private final CliContext context;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE:LINE",
      description = "The line of the finding, e.g. hw/misc/dev.c:42.")
  String where;

  @Parameters(
      index = "1..*",
      paramLabel = "PATH",
      description =
          "Files or directories to scan (default: FILE). Give the directory when helpers live elsewhere.")
  List<Path> paths = new ArrayList<>();

  /** --semantics, --model, -I, -D, -j: see {@link AnalysisOptions}. */
  @Mixin AnalysisOptions analysis = new AnalysisOptions();

  ExplainCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws ScanException, IOException {
    Matcher m = FILE_LINE.matcher(where);
    if (!m.matches()) throw usage("expected FILE:LINE, got '" + where + "'");
    Path file = Path.of(m.group(1));
    if (!Files.isRegularFile(file)) throw new ScanException("no such file: " + file);
    long lines = lineCount(file);
    long asked = m.group(2).length() > 18 ? Long.MAX_VALUE : Long.parseLong(m.group(2));
    if (asked < 1 || asked > lines) {
      throw new ScanException(
          "line "
              + m.group(2)
              + " is outside "
              + file
              + " ("
              + lines
              + " line"
              + (lines == 1 ? "" : "s")
              + ")");
    }
    int line = (int) asked;
    List<Path> scanned = paths.isEmpty() ? List.of(file) : paths;
    ScanRequest request =
        analysis.request(
            scanned, analysis.settings(Set.of(), null, null), true, spec.commandLine().getErr());
    ScanResult result =
        FindingsPipeline.forRequest(request).run(context.scanner().scan(request)).result();
    Semantics semantics = request.semantics();

    Path target = file.toAbsolutePath().normalize();
    List<Finding> here =
        result.findings().stream()
            .filter(
                f ->
                    f.loc().line() == line
                        && result
                            .root()
                            .resolve(f.loc().file())
                            .toAbsolutePath()
                            .normalize()
                            .equals(target))
            .toList();
    PrintWriter out = spec.commandLine().getOut();
    if (here.isEmpty()) return nothingAt(result, target, line, out);
    TextReport text = new TextReport(context.displayRoot(result.root())).withReplay(true);
    for (Finding f : here) {
      StringWriter diag = new StringWriter();
      text.write(
          new ScanResult(result.root(), result.semantics(), List.of(f), List.of(), result.stats()),
          diag);
      out.print(diag);
      Confirmation c = result.confirmation(f).orElse(Confirmation.noWitness(semantics.label()));
      out.println("verdict: " + VisibleText.of(c.verdict()));
      out.println(
          "replay ("
              + c.semantics()
              + " semantics, "
              + c.scenario()
              + " scenario), every model step:");
      for (TraceEntry e : c.replayTrace()) out.println("  " + VisibleText.of(e.toString()));
      out.println("outcomes (" + c.outcomes().size() + "):");
      for (Outcome o : c.outcomes()) {
        out.println(
            "  "
                + o.getClass().getSimpleName()
                + VisibleText.of((o.loc() == null ? "" : " at " + o.loc()) + ": " + o.message()));
      }
      out.println();
    }
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * No finding at the line: not a usage error, but not an explanation either, so exit 1 (as grep
   * does when nothing matches), after listing the findings of that file nearest to the line, to
   * pick from.
   */
  private int nothingAt(ScanResult result, Path target, int line, PrintWriter out)
      throws IOException {
    List<Finding> inFile =
        result.findings().stream()
            .filter(
                f ->
                    result
                        .root()
                        .resolve(f.loc().file())
                        .toAbsolutePath()
                        .normalize()
                        .equals(target))
            .sorted(
                Comparator.comparingInt((Finding f) -> Math.abs(f.loc().line() - line))
                    .thenComparing(f -> f))
            .limit(NEAREST)
            .sorted()
            .toList();
    out.println(
        "no finding at "
            + VisibleText.of(where)
            + " under --semantics "
            + result.semantics()
            + " ("
            + (inFile.isEmpty() ? "none in this file, " : "")
            + result.findings().size()
            + " finding(s) in the scan)");
    if (!inFile.isEmpty()) {
      out.println("nearest findings in this file:");
      StringWriter diag = new StringWriter();
      new TextReport(context.displayRoot(result.root())).write(result.withFindings(inFile), diag);
      diag.toString()
          .lines()
          .filter(l -> !l.contains(": note: "))
          .forEach(l -> out.println("  " + l));
    }
    out.flush();
    return ExitCodes.FINDINGS;
  }

  /**
   * Lines of {@code file} as an editor counts them: a final line break does not start another line.
   */
  private static long lineCount(Path file) throws ScanException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ScanException("cannot read " + file + ": " + e.getMessage(), e);
    }
    long lines = 0;
    for (byte b : bytes) if (b == '\n') lines++;
    return bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? lines + 1 : lines;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
