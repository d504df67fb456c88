package facade;

import api.MemoryRegion;
import api.SysBusDevice;

/**
 * A register write moves a window through a field holding an anonymous class of the device's own
 * functional interface: one mover drops the window while system memory maps it, the other deletes
 * it first.
 */
public final class FieldAnonymousMoverRemaps extends SysBusDevice {
  @FunctionalInterface
  interface WindowMover {
    MemoryRegion move(MemoryRegion window, long addr);
  }

  private MemoryRegion ram;
  private MemoryRegion window;
  private MemoryRegion shadow;
  private WindowMover careless;
  private WindowMover careful;

  @Override
  protected void realize() {
    ram = MemoryRegion.ram(this, "famr-ram", 0x10000);
    initMmio(ram);
    window = MemoryRegion.alias(this, "famr-window", ram, 0, 0x1000);
    MemoryRegion.systemMemory().addSubregion(0xe0000000L, window);
    shadow = MemoryRegion.alias(this, "famr-shadow", ram, 0x1000, 0x1000);
    MemoryRegion.systemMemory().addSubregion(0xe0001000L, shadow);
    careless =
        new WindowMover() {
          @Override
          public MemoryRegion move(MemoryRegion w, long addr) {
            // BUG: MR002 object_unparent(w)
            w.unparent();
            MemoryRegion moved = MemoryRegion.alias(FieldAnonymousMoverRemaps.this, "famr-w", ram, 0, 0x1000);
            MemoryRegion.systemMemory().addSubregion(addr, moved);
            return moved;
          }
        };
    careful =
        new WindowMover() {
          @Override
          public MemoryRegion move(MemoryRegion w, long addr) {
            MemoryRegion.systemMemory().delSubregion(w);
            // OK: MR002 the careful mover deletes the shadow before it unparents it
            w.unparent();
            MemoryRegion moved = MemoryRegion.alias(FieldAnonymousMoverRemaps.this, "famr-s", ram, 0x1000, 0x1000);
            MemoryRegion.systemMemory().addSubregion(addr, moved);
            return moved;
          }
        };
  }

  public void write(long address, long value) {
    if (address == 0) {
      window = careless.move(window, value);
    } else {
      shadow = careful.move(shadow, value);
    }
  }
}
