package facade;

import api.MemoryRegion;
import api.PCIDevice;

/**
 * The window made in instance_init is dropped there again and made anew, as an alias, at exit:
 * the region instance_finalize unparents is the one exit made, owned by the device and already gone.
 * (Each factory call is a new object; the field names the region it holds, as C's in-place init does.)
 */
public final class RecreatedInExitUnparentedInFinalize extends PCIDevice {
  private MemoryRegion ram;
  private MemoryRegion window;

  @Override
  protected void instanceInit() {
    window = MemoryRegion.io(this, (addr, size) -> 0L, "rieuif-window", 0x100);
    ram = MemoryRegion.container(this, "rieuif-ram", 0x10000);
    window.unparent();
  }

  @Override
  protected void realize() {
    registerBar(0, BAR_SPACE_MEMORY, ram);
  }

  @Override
  protected void exit() {
    window = MemoryRegion.alias(this, "rieuif-window", ram, 0, 0x100);
  }

  @Override
  protected void instanceFinalize() {
    // BUG: MR004 window
    window.unparent();
  }
}
