package dev.mrcheck.scan;

/**
 * Figures printed in the summary line and carried into SARIF run properties. {@code
 * inactiveFunctions}: function definitions of the parsed files in preprocessor branches the parse
 * did not take (not analyzed).
 */
public record ScanStats(
    int filesFound,
    int filesParsed,
    long linesParsed,
    int functions,
    int droppedFunctions,
    int parseProblems,
    long wallMillis,
    int inactiveFunctions) {
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
