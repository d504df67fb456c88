package facade;

import api.MemoryRegion;
import api.PCIDevice;

/** A config-space write (a callback nobody in the device calls) drops the mapped window. */
public final class ConfigCallbackUnparent extends PCIDevice {
  private MemoryRegion window;
  private MemoryRegion ram;

  @Override
  protected void realize() {
    ram = MemoryRegion.ram(this, "ccu-ram", 0x10000);
    window = MemoryRegion.alias(this, "ccu-window", ram, 0, 0x1000);
    busMemory().addSubregion(0xf0000000L, window);
  }

  public void configWrite(int address, int value) {
    if (address == 0x40 && value == 0) {
      // BUG: MR002 window
      window.unparent();
      window = MemoryRegion.alias(this, "ccu-window", ram, 0, 0x1000);
    }
  }

  @Override
  protected void exit() {
    busMemory().delSubregion(window);
  }
}
