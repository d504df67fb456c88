package api;

/** Stub: what {@link MemoryRegion#find} returns; {@link #mr} carries a reference the caller drops. */
public final class RegionSection {
  private RegionSection() {}

  public final MemoryRegion mr = null;
  public final long offsetWithinRegion = 0;
}
