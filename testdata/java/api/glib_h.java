package api;

import java.lang.foreign.MemorySegment;

/** Stub of the GLib bindings: g_free of a device's heap-allocated region (its struct holds the pointer). */
public final class glib_h {
  private glib_h() {}

  public static native void g_free(MemorySegment mem);

  /** The g_free_rcu macro: frees {@code obj} after a grace period through its rcu_head {@code field}. */
  public static native void g_free_rcu(MemorySegment obj, MemorySegment field);
}
