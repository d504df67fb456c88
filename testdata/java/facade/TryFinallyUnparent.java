package facade;

import api.MemoryRegion;
import api.PCIDevice;

/** If calibrate() throws, the finally unparents the probe region while it is still mapped. */
public final class TryFinallyUnparent extends PCIDevice {
  private MemoryRegion probe;

  @Override
  protected void realize() {
    probe = MemoryRegion.io(this, (addr, size) -> 0L, "tfu-probe", 0x10);
    try {
      busMemory().addSubregion(0xfc000000L, probe);
      calibrate();
      busMemory().delSubregion(probe);
    } finally {
      // BUG: MR002 probe
      probe.unparent();
    }
  }

  private void calibrate() {
    if (probe == null) {
      throw new IllegalStateException("no probe");
    }
  }
}
