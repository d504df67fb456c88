// OK: MR003 MemoryRegion.unref of an owner-less region unrefs its (absent) owner, it frees nothing
package facade;

import api.MemoryRegion;
import api.SysBusDevice;

public final class OwnerlessRamUnrefInFinalize extends SysBusDevice {
  private MemoryRegion rom;

  @Override
  protected void realize() {
    rom = MemoryRegion.ram(null, "oruif-rom", 0x1000);
    initMmio(rom);
  }

  @Override
  protected void instanceFinalize() {
    rom.unref();
  }
}
