// OK: MR002 isMapped() guard deletes the region when it is mapped
package facade;

import api.MemoryRegion;
import api.PCIDevice;

public final class MappedCheckBeforeUnparent extends PCIDevice {
  private MemoryRegion doorbell;
  private boolean enabled;

  @Override
  protected void realize() {
    doorbell = MemoryRegion.io(this, (addr, size) -> 1L, "mcbu-doorbell", 0x8);
    if (enabled) {
      busMemory().addSubregion(0xfb000000L, doorbell);
    }
  }

  @Override
  protected void exit() {
    if (doorbell.isMapped()) {
      busMemory().delSubregion(doorbell);
    }
    doorbell.unparent();
  }
}
