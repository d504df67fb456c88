package dev.mrcheck.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Process exit codes; README.md lists the same. */
public final class ExitCodes {
  /** No finding at or above the {@code --fail-on} level. */
  public static final int OK = 0;

  /** At least one finding at or above the {@code --fail-on} level. */
  public static final int FINDINGS = 1;

  /**
   * Bad usage or bad input: unknown option or rule, missing path, unwritable output, bad model
   * file.
   */
  public static final int USAGE = 2;

  /** A bug in mrcheck (an unexpected exception); the message asks for a report. */
  public static final int INTERNAL = 3;

  private ExitCodes() {}

  /** The exit-code section of {@code --help}. */
  static Map<String, String> help() {
    Map<String, String> help = new LinkedHashMap<>();
    help.put(" " + OK, "no finding at or above the --fail-on level");
    help.put(" " + FINDINGS, "findings at or above the --fail-on level");
    help.put(
        " " + USAGE,
        "usage error or bad input (missing path, nothing to scan, unwritable output or one the "
            + "scan reads, bad model file)");
    help.put(
        " " + INTERNAL,
        "internal error (a bug in mrcheck; please report it), or out of memory or stack "
            + "(raise it with MRCHECK_JAVA_OPTS)");
    return help;
  }
}
