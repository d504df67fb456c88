package facade;

import api.Error;
import api.MemoryRegion;
import api.RegionSection;
import api.SysBusDevice;

/**
 * Realize probes the board's RAM through memory_region_find and fails when it is missing: the
 * error path reports through errp but returns still holding the section's reference.
 */
public final class FoundSectionErrorPath extends SysBusDevice {
  private MemoryRegion regs;
  private boolean wantRam;

  @Override
  protected void realize(Error errp) {
    regs = MemoryRegion.io(this, (addr, size) -> 0L, "fse-regs", 0x20);
    // BUG: MR006 find
    RegionSection probe = MemoryRegion.systemMemory().find(0x80000000L, 4L);
    if (wantRam) {
      errp.setg("fse: no RAM behind the window");
      return;
    }
    // OK: MR006 dropped on the success path
    probe.mr.unref();
  }
}
