package dev.mrcheck.model;

import java.util.Locale;

/**
 * Kinds of MemoryRegion (docs/lifetime.md#objects-and-references). Containers and aliases may come
 * and go at run time.
 */
public enum RegionKind {
  IO,
  RAM,
  ROM,
  ROM_DEVICE,
  IOMMU,
  CONTAINER,
  ALIAS;

  public boolean isTransient() {
    return this == CONTAINER || this == ALIAS;
  }

  public String modelName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
