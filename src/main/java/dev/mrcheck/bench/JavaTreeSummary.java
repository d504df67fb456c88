package dev.mrcheck.bench;

/**
 * What was generated for the Java benchmark.
 *
 * @param files classes written, one per .java file
 * @param devices device classes (facade and FFM, with and without MMIO)
 * @param ffmDevices of those, the ones written against the FFM bindings
 * @param memoryApiFiles classes whose text calls the modelled memory API
 * @param plantedBugs deliberate MR001-MR003 defects (a scan should report about this many)
 */
public record JavaTreeSummary(
    int files,
    long lines,
    long bytes,
    int stubs,
    int helpers,
    int devices,
    int ffmDevices,
    int logic,
    int memoryApiFiles,
    int plantedBugs,
    long millis) {}
