// OK: MR002 aliases deleted from their container, then unparented and re-created at run time
package facade;

import api.MemoryRegion;
import api.MemoryRegionOps;
import api.PCIDevice;

public final class BridgeWindowRecreate extends PCIDevice {
  private MemoryRegion space;
  private MemoryRegion window;
  private MemoryRegionOps ops;

  @Override
  protected void realize() {
    space = MemoryRegion.container(this, "bwr-space", 1L << 32);
    window = MemoryRegion.alias(this, "bwr-window", space, 0, 0x100000);
    busMemory().addSubregionOverlap(0, window, 1);
    ops = new MemoryRegionOps() {
      @Override
      public long read(long addr, int size) {
        return 0;
      }

      @Override
      public void write(long addr, long base, int size) {
        busMemory().delSubregion(window);
        window.unparent();
        window = MemoryRegion.alias(BridgeWindowRecreate.this, "bwr-window", space, base, 0x100000);
        busMemory().addSubregionOverlap(0, window, 1);
      }
    };
  }

  @Override
  protected void exit() {
    busMemory().delSubregion(window);
  }
}
