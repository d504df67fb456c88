// OK: MR002 regions created in instance_init, mapped into the device's own container at realize
package facade;

import api.MemoryRegion;
import api.SysBusDevice;

public final class InitCreatesOnly extends SysBusDevice {
  private final MemoryRegion[] banks = new MemoryRegion[4];
  private MemoryRegion container;

  @Override
  protected void instanceInit() {
    container = MemoryRegion.container(this, "ico-container", 0x4000);
    for (int i = 0; i < banks.length; i++) {
      banks[i] = MemoryRegion.io(this, (addr, size) -> 0L, "ico-bank", 0x1000);
    }
  }

  @Override
  protected void realize() {
    for (MemoryRegion bank : banks) {
      container.addSubregion(0, bank);
    }
    initMmio(container);
  }
}
