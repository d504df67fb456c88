package dev.mrcheck.bench;

/**
 * What was generated.
 *
 * @param memoryApiSources .c files whose text calls the modelled memory API
 * @param helperOnlyDevices device files that reach the memory API only through a helper in another
 *     file (a lexical pre-pass that skips them loses their lifecycle)
 * @param plantedBugs deliberate MR001-MR003 defects (a scan should report about this many)
 */
public record TreeSummary(
    int files,
    int sources,
    int headers,
    long lines,
    long bytes,
    int memoryApiSources,
    int helperOnlyDevices,
    int plantedBugs,
    long millis) {

  public double memoryApiShare() {
    return sources == 0 ? 0 : (double) memoryApiSources / sources;
  }
}
