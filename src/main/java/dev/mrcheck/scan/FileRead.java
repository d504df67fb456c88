package dev.mrcheck.scan;

/** What reading one input file gave: its text, or the problem that keeps it out of the scan. */
sealed interface FileRead {
  record Text(SourceText text) implements FileRead {}

  record Problem(FileProblem problem) implements FileRead {}
}
