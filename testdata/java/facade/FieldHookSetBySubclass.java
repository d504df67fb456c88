// OK: MR010 the window is destroyed at exit, through the hook the base class runs, not at run time
package facade;

import api.MemoryRegion;

/** Stores the family's teardown hook: it drops the window while the bus still maps it. */
public final class FieldHookSetBySubclass extends FieldHookBase {
  private MemoryRegion window;

  public FieldHookSetBySubclass() {
    teardown =
        () -> {
          // BUG: MR002 window
          window.unparent();
        };
  }

  @Override
  protected void realize() {
    window = MemoryRegion.io(this, (addr, size) -> 0L, "fhsbs-window", 0x100);
    busMemory().addSubregion(0xfe000000L, window);
  }
}
