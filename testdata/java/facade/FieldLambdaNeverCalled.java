package facade;

import api.MemoryRegion;
import api.PCIDevice;

/**
 * Realize stores the unmap of its window in a field, but nothing ever calls it: the window stays
 * in system memory when the card is unplugged.
 */
public final class FieldLambdaNeverCalled extends PCIDevice {
  private MemoryRegion window;
  private Runnable detach;

  @Override
  protected void realize() {
    window = MemoryRegion.io(this, (addr, size) -> 0L, "flnc-window", 0x1000);
    // BUG(legacy,current): MR005 window
    MemoryRegion.systemMemory().addSubregion(0xfe000000L, window);
    detach =
        () -> {
          MemoryRegion.systemMemory().delSubregion(window);
          // OK: MR010 nothing calls detach: the window is not destroyed at run time
          window.unparent();
        };
  }

  @Override
  protected void exit() {
    // forgets to call detach
  }
}
