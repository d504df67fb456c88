package ffm;

import api.PCIDevice;
import api.Realize;
import api.Strings;
import api.Unrealize;
import api.memory_h;
import api.pci_h;
import api.qom_h;
import java.lang.foreign.MemorySegment;

/** The region mapped into the bus at realize is unparented at exit without being deleted. */
public final class FfmUnparentMapped extends PCIDevice {
  private static final MemorySegment NAME = Strings.cstring("fum-mmio");

  record FfmUnparentMappedState(MemorySegment parent, MemorySegment mmio) {}

  static native FfmUnparentMappedState FUM(MemorySegment obj);

  @Realize
  static void fum_realize(MemorySegment pdev, MemorySegment errp) {
    FfmUnparentMappedState s = FUM(pdev);
    memory_h.memory_region_init_io(s.mmio(), qom_h.OBJECT(s), MemorySegment.NULL, MemorySegment.NULL, NAME, 0x1000L);
    // BUG(legacy,current): MR005
    memory_h.memory_region_add_subregion(pci_h.pci_address_space(pdev), 0xfe000000L, s.mmio());
  }

  @Unrealize
  static void fum_exit(MemorySegment pdev) {
    FfmUnparentMappedState s = FUM(pdev);
    // BUG: MR002
    qom_h.object_unparent(qom_h.OBJECT(s.mmio()));
  }
}
