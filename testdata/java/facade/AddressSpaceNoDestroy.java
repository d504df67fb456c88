package facade;

import api.AddressSpace;
import api.MemoryRegion;
import api.PCIDevice;

/** DMA address space over the device's own root, destroyed only at finalize: too late. */
public final class AddressSpaceNoDestroy extends PCIDevice {
  private MemoryRegion dmaRoot;
  private AddressSpace dma;

  @Override
  protected void realize() {
    dmaRoot = MemoryRegion.container(this, "asnd-dma-root", 1L << 32);
    // BUG: MR001
    dma = AddressSpace.create(dmaRoot, "asnd-dma");
  }

  @Override
  protected void instanceFinalize() {
    dma.destroy();
  }
}
