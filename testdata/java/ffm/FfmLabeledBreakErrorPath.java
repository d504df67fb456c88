package ffm;

import api.PCIDevice;
import api.Realize;
import api.Strings;
import api.memory_h;
import api.pci_h;
import api.qom_h;
import java.lang.foreign.MemorySegment;

/** The Java shape of C's "goto fail": the failure path unparents the region it already mapped. */
public final class FfmLabeledBreakErrorPath extends PCIDevice {
  private static final MemorySegment NAME = Strings.cstring("flbep-mmio");

  record FfmLabeledBreakErrorPathState(MemorySegment parent, MemorySegment mmio, int irq) {}

  static native FfmLabeledBreakErrorPathState FLBEP(MemorySegment obj);

  static native int flbep_setup_irq(MemorySegment pdev);

  @Realize
  static void flbep_realize(MemorySegment pdev, MemorySegment errp) {
    FfmLabeledBreakErrorPathState s = FLBEP(pdev);
    memory_h.memory_region_init_io(s.mmio(), qom_h.OBJECT(s), MemorySegment.NULL, MemorySegment.NULL, NAME, 0x1000L);
    fail: {
      // BUG(legacy,current): MR005
      memory_h.memory_region_add_subregion(pci_h.pci_address_space(pdev), 0xfe000000L, s.mmio());
      if (flbep_setup_irq(pdev) < 0) {
        break fail;
      }
      return;
    }
    // BUG: MR002
    qom_h.object_unparent(qom_h.OBJECT(s.mmio()));
  }
}
