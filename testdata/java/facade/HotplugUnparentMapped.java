package facade;

import api.MemoryRegion;
import api.PCIDevice;

/** A hot-pluggable card drops its window at exit while the bus still maps it. */
public final class HotplugUnparentMapped extends PCIDevice {
  private MemoryRegion window;

  @Override
  protected void realize() {
    window = MemoryRegion.io(this, (addr, size) -> 0L, "hpum-window", 0x100);
    busMemory().addSubregion(0xfe000000L, window);
  }

  @Override
  protected void exit() {
    // BUG: MR002 window
    window.unparent();
  }
}
