package api;

import java.lang.foreign.MemorySegment;

/**
 * Stub: the by-value struct memory_region_find returns, its fields as the binding exposes them;
 * {@link #mr} carries a reference the caller drops with memory_region_unref.
 */
public final class MemoryRegionSection {
  private MemoryRegionSection() {}

  public final MemorySegment mr = MemorySegment.NULL;
  public final long offset_within_region = 0;
}
