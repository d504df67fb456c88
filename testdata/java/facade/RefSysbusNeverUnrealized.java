// OK: MR001 ref in realize of a sysbus device, which is never unrealized
package facade;

import api.MemoryRegion;
import api.SysBusDevice;

public final class RefSysbusNeverUnrealized extends SysBusDevice {
  private MemoryRegion regs;

  @Override
  protected void realize() {
    regs = MemoryRegion.io(this, (addr, size) -> 0L, "rsnu-regs", 0x100);
    regs.ref();
    initMmio(regs);
  }
}
