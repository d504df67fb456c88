package dev.mrcheck.cli;

/** The {@code --format} values. */
enum OutputFormat {
  TEXT,
  SARIF,
  JSON,
  HTML
}
