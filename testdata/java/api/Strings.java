package api;

import java.lang.foreign.MemorySegment;

/** Stub: a C string for FFM calls (a region name). */
public final class Strings {
  private Strings() {}

  public static native MemorySegment cstring(String s);
}
