package api;

/** Stub: an address space over a root region; {@link #create} references the root until {@link #destroy}. */
public final class AddressSpace {
  private AddressSpace() {}

  public static native AddressSpace create(MemoryRegion root, String name);

  public native void destroy();

  /** g_free of the address space (C's heap {@code AddressSpace *}). */
  public native void free();

  /** g_free_rcu through the address space's rcu_head, which address_space_destroy also uses. */
  public native void freeRcu();
}
