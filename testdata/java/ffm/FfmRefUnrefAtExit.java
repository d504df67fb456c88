// OK: MR001 memory_region_ref at realize, memory_region_unref at unrealize
package ffm;

import api.PCIDevice;
import api.Realize;
import api.Strings;
import api.Unrealize;
import api.memory_h;
import api.pci_h;
import api.qom_h;
import java.lang.foreign.MemorySegment;

public final class FfmRefUnrefAtExit extends PCIDevice {
  private static final MemorySegment NAME = Strings.cstring("fruae-mmio");

  record FfmRefUnrefAtExitState(MemorySegment parent, MemorySegment mmio) {}

  /** Generated QOM cast checker. */
  static native FfmRefUnrefAtExitState REFUNREF(MemorySegment obj);

  @Realize
  static void refunref_realize(MemorySegment pdev, MemorySegment errp) {
    FfmRefUnrefAtExitState s = REFUNREF(pdev);
    memory_h.memory_region_init_io(s.mmio(), qom_h.OBJECT(s), MemorySegment.NULL, MemorySegment.NULL, NAME, 0x100L);
    memory_h.memory_region_ref(s.mmio());
    pci_h.pci_register_bar(pdev, 0, 0, s.mmio());
  }

  @Unrealize
  static void refunref_exit(MemorySegment pdev) {
    FfmRefUnrefAtExitState s = REFUNREF(pdev);
    memory_h.memory_region_unref(s.mmio());
  }
}
