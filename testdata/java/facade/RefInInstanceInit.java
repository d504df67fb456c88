package facade;

import api.MemoryRegion;
import api.SysBusDevice;

/** A reference on its own region taken in instance_init: the unref in finalize never runs. */
public final class RefInInstanceInit extends SysBusDevice {
  private MemoryRegion regs;

  @Override
  protected void instanceInit() {
    regs = MemoryRegion.io(this, (addr, size) -> 0L, "rii-regs", 0x100);
    // BUG: MR001 regs
    regs.ref();
  }

  @Override
  protected void realize() {
    initMmio(regs);
  }

  @Override
  protected void instanceFinalize() {
    // BUG: MR004 regs
    regs.unref();
  }
}
