package facade;

import api.MemoryRegion;
import api.PCIDevice;

/** The early-return error path unparents a region that is already mapped. */
public final class ErrorPathUnparent extends PCIDevice {
  private MemoryRegion regs;
  private int revision;

  @Override
  protected void realize() {
    regs = MemoryRegion.io(this, (addr, size) -> revision, "epu-regs", 0x40);
    busMemory().addSubregion(0xfd000000L, regs);
    if (!probeFirmware()) {
      // BUG: MR002 regs
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
