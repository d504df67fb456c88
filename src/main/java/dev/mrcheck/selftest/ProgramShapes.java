package dev.mrcheck.selftest;

import dev.mrcheck.model.Operation;
import dev.mrcheck.selftest.DeviceProgram.ApiCall;
import dev.mrcheck.selftest.DeviceProgram.Shape;
import dev.mrcheck.selftest.DeviceProgram.Stmt;

/**
 * Shapes of #18 a program has, to report what share of a self-test run exercised them: guards over
 * state fields, and the frees nobody writes a call for or the ones of heap storage.
 */
final class ProgramShapes {
  private ProgramShapes() {}

  /**
   * A named region with a NULL owner (not an alias or container) embedded in the state: QOM's free
   * of the instance storage after instance_finalize frees it (MR003 at the init when the device is
   * unplugged; silent for a device that is never unplugged).
   */
  static boolean nullOwnedInInstance(DeviceProgram p) {
    for (Stmt s : p.statements()) {
      if (s instanceof ApiCall c
          && c.operation() instanceof Operation.Init<Slot> i
          && i.owner() == null
          && !i.kind().isTransient()
          && p.regions().get(Slot.region(i.region())).shape() != Shape.HEAP) return true;
    }
    return false;
  }

  /** A {@code g_free} of heap storage holding a region. */
  static boolean freesHeapRegion(DeviceProgram p) {
    return p.statements().stream()
        .anyMatch(
            s ->
                s instanceof ApiCall c
                    && c.operation() instanceof Operation.Free<Slot> f
                    && !f.addressSpace());
  }
}
