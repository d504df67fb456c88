// OK: MR003 owner-less aliases and containers may be unparented
package facade;

import api.MemoryRegion;
import api.PCIDevice;

public final class OwnerlessAliasUnparent extends PCIDevice {
  private MemoryRegion ram;
  private MemoryRegion lowAlias;
  private MemoryRegion holder;

  @Override
  protected void realize() {
    ram = MemoryRegion.ram(this, "oau-ram", 0x10000);
    lowAlias = MemoryRegion.alias(null, "oau-low", ram, 0, 0x1000);
    holder = MemoryRegion.container(null, "oau-holder", 0x1000);
  }

  @Override
  protected void exit() {
    lowAlias.unparent();
    holder.unparent();
  }
}
