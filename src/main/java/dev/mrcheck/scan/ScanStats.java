package dev.mrcheck.scan;

/** Figures printed in the summary line and carried into SARIF run properties. */
public record ScanStats(
    int filesFound, int filesParsed, long linesParsed, int functions, int droppedFunctions,
    int parseProblems, long wallMillis) {}
