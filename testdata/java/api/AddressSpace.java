package api;

/** Stub: an address space over a root region; {@link #create} references the root until {@link #destroy}. */
public final class AddressSpace {
  private AddressSpace() {}

  public static native AddressSpace create(MemoryRegion root, String name);

  public native void destroy();
}
