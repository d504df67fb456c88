package api;

/**
 * Stub of the object-oriented memory API facade. Methods are native so that the stub contributes
 * no function bodies: the API model, not this file, says what they do.
 */
public final class MemoryRegion {
  private MemoryRegion() {}

  public static native MemoryRegion io(Object owner, MemoryRegionOps ops, String name, long size);

  public static native MemoryRegion ram(Object owner, String name, long size);

  public static native MemoryRegion container(Object owner, String name, long size);

  public static native MemoryRegion alias(Object owner, String name, MemoryRegion target, long offset, long size);

  /** The machine's system memory, a container no device owns. */
  public static native MemoryRegion systemMemory();

  public native void addSubregion(long offset, MemoryRegion sub);

  public native void addSubregionOverlap(long offset, MemoryRegion sub, int priority);

  public native void delSubregion(MemoryRegion sub);

  public native boolean isMapped();

  /** memory_region_find: the section's {@code mr} holds a reference the caller must drop. */
  public native RegionSection find(long addr, long size);

  public native void ref();

  public native void unref();

  public native void unparent();

  /**
   * Frees the storage of a region the device allocated itself: the facade's {@code g_free} (the
   * factories allocate; an embedded region in C has no such call).
   */
  public native void free();
}
