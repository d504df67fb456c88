// OK: MR001 address space over the device's own root destroyed at exit
package facade;

import api.AddressSpace;
import api.MemoryRegion;
import api.PCIDevice;

public final class AddressSpaceDestroyedAtExit extends PCIDevice {
  private MemoryRegion dmaRoot;
  private AddressSpace dma;

  @Override
  protected void realize() {
    dmaRoot = MemoryRegion.container(this, "asdae-dma-root", 1L << 32);
    dma = AddressSpace.create(dmaRoot, "asdae-dma");
  }

  @Override
  protected void exit() {
    dma.destroy();
  }
}
