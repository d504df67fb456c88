// OK: MR001 ref in realize balanced by unref at exit of a hot-pluggable device
package facade;

import api.MemoryRegion;
import api.PCIDevice;

public final class RefBalancedHotplug extends PCIDevice {
  private MemoryRegion regs;

  @Override
  protected void realize() {
    regs = MemoryRegion.io(this, (addr, size) -> 0L, "rbh-regs", 0x100);
    regs.ref();
    registerBar(0, BAR_SPACE_MEMORY, regs);
  }

  @Override
  protected void exit() {
    regs.unref();
  }
}
