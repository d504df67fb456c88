package dev.mrcheck.bench;

/**
 * One file of the tree, decided before any text is written so that files can be written in parallel
 * and still come out identical for the same seed.
 *
 * @param names the device (or subsystem-common) names the file is about
 * @param headerOwner for a device source: whether its state struct lives in its own header
 * @param plantedBug the lifetime bug this file deliberately contains, or NONE
 */
record FilePlan(
    String path,
    FileKind kind,
    DeviceNames names,
    int targetLines,
    long seed,
    boolean headerOwner,
    PlantedBug plantedBug) {

  /** Deliberate defects so that a scan has something to find (and their count to compare). */
  enum PlantedBug {
    NONE,
    /** memory_region_ref on an own region in realize of a PCI device, no unref in exit. */
    REF_WITHOUT_UNREF,
    /** object_unparent in exit of a sub-region still mapped in the BAR container. */
    UNPARENT_WHILE_MAPPED,
    /** object_unparent of an I/O region created with owner NULL. */
    OWNERLESS_FREE
  }
}
