package dev.mrcheck.cli;

import dev.mrcheck.report.HelpPages;
import dev.mrcheck.rules.RuleInfo;
import dev.mrcheck.scan.ScanException;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mrcheck rules}: the catalogue, or one rule's help page with {@code --explain}. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "List the rules (id, name, default severity, description), or print one rule's "
            + "help page with a bad and a good example.")
final class RulesCommand implements Callable<Integer> {
  private static final int WIDTH = 80;
  private static final String INDENT = "    ";

  private final CliContext context;

  @Spec CommandSpec spec;

  @Option(
      names = "--explain",
      paramLabel = "ID",
      description = "Print the help page of rule ID (Markdown), e.g. --explain MR002.")
  String explain;

  RulesCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws ScanException {
    PrintWriter out = spec.commandLine().getOut();
    if (explain != null) {
      out.print(helpPage(explain));
    } else {
      list(out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private void list(PrintWriter out) {
    boolean first = true;
    for (RuleInfo r :
        context.rules().stream().sorted(Comparator.comparing(RuleInfo::id)).toList()) {
      if (!first) out.println();
      first = false;
      out.println(r.id() + "  " + r.name() + "  [" + r.severity().label() + "]");
      out.print(wrap(r.description()));
    }
    if (first)
      spec.commandLine().getErr().println("mrcheck: no rules are registered in this build");
  }

  private String helpPage(String id) throws ScanException {
    RuleInfo rule =
        RuleCatalog.find(context.rules(), id)
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(),
                        "unknown rule id '"
                            + id
                            + "' ("
                            + RuleCatalog.known(context.rules())
                            + ")"));
    String page =
        context
            .help()
            .markdown(rule.id())
            .orElseThrow(
                () ->
                    new ScanException(
                        "no help page for "
                            + rule.id()
                            + " in this build (resource "
                            + HelpPages.RESOURCE_DIR
                            + rule.id()
                            + ".md is missing)"));
    return page.endsWith("\n") ? page : page + "\n";
  }

  /** The paragraph broken at spaces to fit {@link #WIDTH} columns, each line indented. */
  static String wrap(String paragraph) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder(INDENT);
    for (String word : paragraph.trim().split("\\s+")) {
      if (line.length() > INDENT.length() && line.length() + 1 + word.length() > WIDTH) {
        out.append(line).append('\n');
        line.setLength(0);
        line.append(INDENT);
      }
      if (line.length() > INDENT.length()) line.append(' ');
      line.append(word);
    }
    if (line.length() > INDENT.length()) out.append(line).append('\n');
    return out.toString();
  }
}
