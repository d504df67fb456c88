// OK: MR002 error path deletes the subregion before unparenting it
package facade;

import api.MemoryRegion;
import api.PCIDevice;

public final class ErrorPathDelFirst extends PCIDevice {
  private MemoryRegion regs;
  private int revision;

  @Override
  protected void realize() {
    regs = MemoryRegion.io(this, (addr, size) -> revision, "epdf-regs", 0x40);
    MemoryRegion bus = busMemory();
    bus.addSubregion(0xfd000000L, regs);
    if (!probeFirmware()) {
      bus.delSubregion(regs);
      regs.unparent();
      return;
    }
    revision = 2;
  }

  private boolean probeFirmware() {
    return revision > 0;
  }

  @Override
  protected void exit() {
    busMemory().delSubregion(regs);
  }
}
