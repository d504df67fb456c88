package facade;

import api.MemoryRegion;
import api.PCIDevice;

/** An I/O region created without an owner is unparented at exit: nothing keeps it alive. */
public final class OwnerlessIoUnparent extends PCIDevice {
  private MemoryRegion scratch;

  @Override
  protected void realize() {
    scratch = MemoryRegion.io(null, (addr, size) -> 0L, "oiu-scratch", 0x100);
  }

  @Override
  protected void exit() {
    // BUG: MR003 scratch
    scratch.unparent();
  }
}
