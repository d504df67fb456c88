// OK: MR001 the reference realize takes is given back by the method reference exit calls
// OK: MR005 the static method reference exit calls unmaps the window from system memory
// OK: MR002 the static method reference deletes the window before it unparents it
package facade;

import api.MemoryRegion;
import api.PCIDevice;
import java.util.function.BiConsumer;

/**
 * Fields holding method references: one bound to the card (this::releaseRegs), one to a static
 * helper (FmrUnmap::unmapAndDrop) that takes the container and the region.
 */
public final class FieldMethodRefReleasesAtExit extends PCIDevice {
  private MemoryRegion regs;
  private MemoryRegion window;
  private Runnable release;
  private final BiConsumer<MemoryRegion, MemoryRegion> dropper = FmrUnmap::unmapAndDrop;

  @Override
  protected void realize() {
    regs = MemoryRegion.io(this, (addr, size) -> 0L, "fmra-regs", 0x100);
    regs.ref();
    registerBar(0, BAR_SPACE_MEMORY, regs);
    release = this::releaseRegs;
    window = MemoryRegion.io(this, (addr, size) -> 0L, "fmra-window", 0x100);
    MemoryRegion.systemMemory().addSubregion(0xfe000000L, window);
  }

  private void releaseRegs() {
    regs.unref();
  }

  @Override
  protected void exit() {
    release.run();
    dropper.accept(MemoryRegion.systemMemory(), window);
  }

  static final class FmrUnmap {
    private FmrUnmap() {}

    static void unmapAndDrop(MemoryRegion container, MemoryRegion mr) {
      container.delSubregion(mr);
      mr.unparent();
    }
  }
}
