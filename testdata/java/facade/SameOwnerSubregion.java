// OK: MR001 same-owner subregion left in its container is auto-detached (current, refcount)
package facade;

import api.MemoryRegion;
import api.PCIDevice;

/** Under legacy semantics the container keeps its own owner alive through the subregion. */
public final class SameOwnerSubregion extends PCIDevice {
  private MemoryRegion bar;
  private MemoryRegion regs;

  @Override
  protected void realize() {
    bar = MemoryRegion.container(this, "sos-bar", 0x2000);
    regs = MemoryRegion.io(this, (addr, size) -> 0L, "sos-regs", 0x100);
    // BUG(legacy): MR001 regs
    bar.addSubregion(0x1000, regs);
    registerBar(0, BAR_SPACE_MEMORY, bar);
  }
}
