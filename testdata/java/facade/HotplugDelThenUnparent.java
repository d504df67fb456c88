// OK: MR002 del_subregion before unparent at exit
package facade;

import api.MemoryRegion;
import api.PCIDevice;

public final class HotplugDelThenUnparent extends PCIDevice {
  private MemoryRegion window;

  @Override
  protected void realize() {
    window = MemoryRegion.io(this, (addr, size) -> 0L, "hdtu-window", 0x100);
    busMemory().addSubregion(0xfe000000L, window);
  }

  @Override
  protected void exit() {
    busMemory().delSubregion(window);
    window.unparent();
  }
}
