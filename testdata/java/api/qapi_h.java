package api;

import java.lang.foreign.MemorySegment;

/** Stub of the error-reporting bindings (include/qapi/error.h); {@code errp} is an {@code Error **}. */
public final class qapi_h {
  private qapi_h() {}

  public static native void error_setg(MemorySegment errp, MemorySegment fmt);
}
