package dev.mrcheck.scan;

/**
 * Figures printed in the summary line and carried into SARIF run properties. {@code
 * inactiveFunctions}: function definitions of the parsed files in preprocessor branches the first
 * parse did not take; {@code recoveredFunctions}: how many of them the second parse (with the
 * branches' macros defined) analysed; the others stay skipped.
 */
public record ScanStats(
    int filesFound,
    int filesParsed,
    long linesParsed,
    int functions,
    int droppedFunctions,
    int parseProblems,
    long wallMillis,
    int inactiveFunctions,
    int recoveredFunctions) {
  /** Without a second parse of configuration-dependent code. */
  public ScanStats(
      int filesFound,
      int filesParsed,
      long linesParsed,
      int functions,
      int droppedFunctions,
      int parseProblems,
      long wallMillis,
      int inactiveFunctions) {
    this(
        filesFound,
        filesParsed,
        linesParsed,
        functions,
        droppedFunctions,
        parseProblems,
        wallMillis,
        inactiveFunctions,
        0);
  }

  /** Function bodies in inactive branches that no parse analysed. */
  public int skippedFunctions() {
    return Math.max(0, inactiveFunctions - recoveredFunctions);
  }

  public ScanStats(
      int filesFound,
      int filesParsed,
      long linesParsed,
      int functions,
      int droppedFunctions,
      int parseProblems,
      long wallMillis) {
    this(
        filesFound,
        filesParsed,
        linesParsed,
        functions,
        droppedFunctions,
        parseProblems,
        wallMillis,
        0);
  }
}
