package facade;

import api.MemoryRegion;
import api.PCIDevice;

/** The unmap is forgotten in a helper that the exit path goes through. */
public final class HelperUnparentMapped extends PCIDevice {
  private MemoryRegion fifo;
  private MemoryRegion status;

  @Override
  protected void realize() {
    fifo = MemoryRegion.io(this, (addr, size) -> 0L, "hum-fifo", 0x20);
    status = MemoryRegion.io(this, (addr, size) -> 0L, "hum-status", 0x4);
    MemoryRegion bus = busMemory();
    bus.addSubregion(0xfa000000L, fifo);
    bus.addSubregion(0xfa001000L, status);
  }

  @Override
  protected void exit() {
    busMemory().delSubregion(status);
    release(status);
    release(fifo);
  }

  private void release(MemoryRegion mr) {
    // BUG: MR002
    mr.unparent();
  }
}
