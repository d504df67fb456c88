// OK: MR003 owner-less board RAM that is never freed
package facade;

import api.MemoryRegion;
import api.SysBusDevice;

public final class OwnerlessBoardRam extends SysBusDevice {
  private MemoryRegion dram;

  @Override
  protected void realize() {
    dram = MemoryRegion.ram(null, "obr-dram", 256L << 20);
    MemoryRegion.systemMemory().addSubregion(0x80000000L, dram);
  }
}
