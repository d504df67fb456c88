// OK: MR002 BARs registered with registerBar are unmapped by the PCI core before exit
package facade;

import api.MemoryRegion;
import api.PCIDevice;

public final class PciBarUnparentAtExit extends PCIDevice {
  private MemoryRegion bar0;

  @Override
  protected void realize() {
    bar0 = MemoryRegion.io(this, this::readBar, "pbue-bar0", 0x1000);
    registerBar(0, BAR_SPACE_MEMORY, bar0);
  }

  private long readBar(long addr, int size) {
    return addr;
  }

  @Override
  protected void exit() {
    bar0.unparent();
  }
}
