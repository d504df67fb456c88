package dev.mrcheck.bench;

import dev.mrcheck.bench.FilePlan.PlantedBug;

/**
 * One class of the Java tree, decided before any text is written (files are written in parallel and
 * still come out identical for the same seed).
 *
 * @param pkg Java package, e.g. {@code hw.net}
 * @param className simple class name, unique in the whole tree (the analyzer names functions {@code
 *     Class.method})
 * @param regionName base of the region names, e.g. {@code aspeed-uart2}
 * @param helperClass simple name of the subsystem's region helper class (same package)
 */
record JavaFilePlan(
    String pkg,
    String className,
    String regionName,
    JavaFileKind kind,
    String helperClass,
    int targetLines,
    long seed,
    PlantedBug plantedBug) {

  String path() {
    return pkg.replace('.', '/') + "/" + className + ".java";
  }
}
