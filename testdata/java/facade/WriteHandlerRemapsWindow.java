package facade;

import api.MemoryRegion;
import api.SysBusDevice;

/**
 * A register write toggles a window into system memory: the first write maps it, the next one
 * unparents what the previous one mapped. Another write re-addresses a second window correctly,
 * deleting it before it unparents it on every invocation.
 */
public final class WriteHandlerRemapsWindow extends SysBusDevice {
  private MemoryRegion ram;
  private MemoryRegion window;
  private MemoryRegion movable;
  private boolean windowOn;

  @Override
  protected void realize() {
    ram = MemoryRegion.ram(this, "whr-ram", 0x10000);
    initMmio(ram);
    movable = MemoryRegion.alias(this, "whr-movable", ram, 0, 0x1000);
    MemoryRegion.systemMemory().addSubregion(0xe0000000L, movable);
  }

  public void write(long address, long value) {
    if (address == 0) {
      if (!windowOn) {
        window = MemoryRegion.alias(this, "whr-window", ram, 0, 0x1000);
        MemoryRegion.systemMemory().addSubregion(value, window);
        windowOn = true;
      } else {
        // BUG: MR002 window
        window.unparent();
        windowOn = false;
      }
    } else {
      MemoryRegion.systemMemory().delSubregion(movable);
      // OK: MR002 deleted first, on every invocation
      movable.unparent();
      movable = MemoryRegion.alias(this, "whr-movable", ram, 0, 0x1000);
      MemoryRegion.systemMemory().addSubregion(value, movable);
    }
  }
}
