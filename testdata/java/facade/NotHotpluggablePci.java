// OK: MR001 a PCI device that declares itself not hot-pluggable is never unrealized
package facade;

import api.MemoryRegion;
import api.PCIDevice;

public final class NotHotpluggablePci extends PCIDevice {
  private MemoryRegion regs;

  @Override
  public boolean isHotpluggable() {
    return false;
  }

  @Override
  protected void realize() {
    regs = MemoryRegion.io(this, (addr, size) -> 0L, "nhp-regs", 0x100);
    regs.ref();
    registerBar(0, BAR_SPACE_MEMORY, regs);
  }
}
