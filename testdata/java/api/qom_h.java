package api;

import java.lang.foreign.MemorySegment;

/** Stub of the QOM bindings; the ALL-CAPS functions are the cast macros. */
public final class qom_h {
  private qom_h() {}

  public static native MemorySegment OBJECT(Object obj);

  public static native MemorySegment DEVICE(Object obj);

  public static native void object_unparent(MemorySegment obj);

  public static native void object_unref(MemorySegment obj);
}
