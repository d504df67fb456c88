package facade;

import api.MemoryRegion;
import api.MemoryRegionOps;
import api.SysBusDevice;

/**
 * The MMIO handler lives in a field before realize hands the field to the region it registers: the
 * memory core calls it at run time, and its read drops a window system memory still maps.
 */
public final class FieldHeldOpsHandedToIo extends SysBusDevice {
  private MemoryRegion regs;
  private MemoryRegion window;
  private MemoryRegionOps ops;

  @Override
  protected void realize() {
    window = MemoryRegion.container(this, "fho-window", 0x1000);
    MemoryRegion.systemMemory().addSubregion(0xe0000000L, window);
    ops =
        (addr, size) -> {
          if (addr == 0x10) {
            // BUG: MR002 window
            window.unparent();
          }
          return 0L;
        };
    regs = MemoryRegion.io(this, ops, "fho-regs", 0x100);
    initMmio(regs);
  }
}
