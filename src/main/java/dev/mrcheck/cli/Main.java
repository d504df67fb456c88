package dev.mrcheck.cli;

import dev.mrcheck.io.IoMessages;
import dev.mrcheck.scan.ScanException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Entry point. Every failure ends as one line {@code mrcheck: <message>} on stderr and an exit code
 * from {@link ExitCodes}; a stack trace is printed only when {@code MRCHECK_DEBUG} is set.
 */
public final class Main {
  static final String DEBUG_ENV = "MRCHECK_DEBUG";

  private Main() {}

  public static void main(String[] args) {
    // UTF-8 whatever the locale, so reports are the same bytes on every machine.
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(CliContext.production(), out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line and returns its exit code; never throws. */
  public static int run(CliContext context, PrintWriter out, PrintWriter err, String... args) {
    try {
      return commandLine(context, out, err).execute(args);
    } catch (Throwable t) { // an Error (stack overflow, out of memory) escapes picocli's handler
      return internalError(t, err);
    }
  }

  public static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new MrcheckCommand());
    addSubcommands(cl, context);
    // Set after adding subcommands: picocli copies these settings to the subcommands present.
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(Main::usageError);
    cl.setExecutionExceptionHandler((e, failed, parsed) -> failure(e, err));
    cl.getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCodes.help());
    cl.getSubcommands()
        .get("scan")
        .getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCodes.help());
    return cl;
  }

  /** Every subcommand, in the order {@code --help} lists them. A new one is one line here. */
  private static void addSubcommands(CommandLine cl, CliContext context) {
    cl.addSubcommand("scan", new ScanCommand(context));
    cl.addSubcommand("fix", new FixCommand(context));
    cl.addSubcommand("explain", new ExplainCommand(context));
    cl.addSubcommand("rules", new RulesCommand(context));
    cl.addSubcommand("lsp", new LspCommand());
    cl.addSubcommand("bench", new dev.mrcheck.bench.BenchCommand());
    cl.addSubcommand("cache", new CacheCommand());
    cl.getSubcommands().get("bench").addSubcommand("lsp", new BenchLspCommand());
    cl.addSubcommand("selftest", new SelftestCommand());
    cl.addSubcommand("help", new CommandLine.HelpCommand());
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    cl.getErr()
        .println(
            "mrcheck: "
                + oneLine(e.getMessage())
                + " (see '"
                + cl.getCommandSpec().qualifiedName()
                + " --help')");
    cl.getErr().flush();
    return ExitCodes.USAGE;
  }

  private static int failure(Exception e, PrintWriter err) {
    if (e instanceof ScanException) return userError(e.getMessage(), e, err);
    if (e instanceof UncheckedIOException u) return userError(describe(u.getCause()), e, err);
    if (e instanceof IOException io) return userError(describe(io), e, err);
    return internalError(e, err);
  }

  private static int userError(String message, Exception e, PrintWriter err) {
    err.println("mrcheck: " + oneLine(message));
    debugTrace(e, err);
    return ExitCodes.USAGE;
  }

  private static int internalError(Throwable t, PrintWriter err) {
    String resource = resourceAdvice(t);
    if (resource != null) {
      err.println("mrcheck: " + resource);
      debugTrace(t, err);
      return ExitCodes.INTERNAL;
    }
    String detail = t.getMessage() == null ? "" : ": " + oneLine(t.getMessage());
    err.println(
        "mrcheck: internal error: "
            + t.getClass().getSimpleName()
            + detail
            + " (please report it; set "
            + DEBUG_ENV
            + "=1 for a stack trace)");
    debugTrace(t, err);
    return ExitCodes.INTERNAL;
  }

  /**
   * The JVM ran out of heap or stack: not a bug to report but a limit to raise, and the launcher
   * passes {@code MRCHECK_JAVA_OPTS} to java. Null for any other failure.
   */
  static String resourceAdvice(Throwable t) {
    if (t instanceof OutOfMemoryError) {
      return "out of memory ("
          + oneLine(t.getMessage())
          + "): give Java more heap, e.g. MRCHECK_JAVA_OPTS=-Xmx8g"
          + " (now "
          + Runtime.getRuntime().maxMemory() / (1 << 20)
          + " MiB), or scan fewer files at once";
    }
    if (t instanceof StackOverflowError) {
      return "stack overflow (a very deeply nested input): give Java bigger thread stacks, e.g. "
          + "MRCHECK_JAVA_OPTS=-Xss64m, or exclude the file";
    }
    return null;
  }

  /** NIO messages are often just the path; say what happened to it. */
  static String describe(IOException e) {
    return IoMessages.describe(e);
  }

  private static void debugTrace(Throwable t, PrintWriter err) {
    if (System.getenv(DEBUG_ENV) != null) t.printStackTrace(err);
    err.flush();
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
