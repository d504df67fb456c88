package dev.mrcheck.cli;

import dev.mrcheck.analysis.Semantics;
import dev.mrcheck.pipeline.FindingsPipeline;
import dev.mrcheck.report.TextReport;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.runtime.Outcome;
import dev.mrcheck.runtime.TraceEntry;
import dev.mrcheck.runtime.confirm.Confirmation;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

  private final CliContext context;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE:LINE", description = "The line of the finding, e.g. hw/misc/dev.c:42.")
  String where;

  @Parameters(index = "1..*", paramLabel = "PATH",
      description = "Files or directories to scan (default: FILE). Give the directory when helpers live elsewhere.")
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
    int line = Integer.parseInt(m.group(2));
    if (!Files.isRegularFile(file)) throw new ScanException("no such file: " + file);
    List<Path> scanned = paths.isEmpty() ? List.of(file) : paths;
    ScanRequest request = analysis.request(scanned, analysis.settings(Set.of(), null), true, spec.commandLine().getErr());
    ScanResult result = FindingsPipeline.forRequest(request).run(context.scanner().scan(request)).result();
    Semantics semantics = request.semantics();

    Path target = file.toAbsolutePath().normalize();
    List<Finding> here = result.findings().stream()
        .filter(f -> f.loc().line() == line && result.root().resolve(f.loc().file()).toAbsolutePath().normalize().equals(target))
        .toList();
    PrintWriter out = spec.commandLine().getOut();
    if (here.isEmpty()) {
      out.println("no finding at " + where + " under --semantics " + semantics.label()
          + " (" + result.findings().size() + " finding(s) in the scan)");
      out.flush();
      return ExitCodes.OK;
    }
    TextReport text = new TextReport("");
    for (Finding f : here) {
      StringWriter diag = new StringWriter();
      text.write(new ScanResult(result.root(), result.semantics(), List.of(f), List.of(), result.stats()), diag);
      out.print(diag);
      Confirmation c = result.confirmation(f).orElse(Confirmation.noWitness(semantics.label()));
      out.println("verdict: " + c.verdict());
      out.println("replay (" + c.semantics() + " semantics, " + c.scenario() + " scenario), every model step:");
      for (TraceEntry e : c.replayTrace()) out.println("  " + e);
      out.println("outcomes (" + c.outcomes().size() + "):");
      for (Outcome o : c.outcomes()) {
        out.println("  " + o.getClass().getSimpleName() + (o.loc() == null ? "" : " at " + o.loc()) + ": " + o.message());
      }
      out.println();
    }
    out.flush();
    return ExitCodes.OK;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
