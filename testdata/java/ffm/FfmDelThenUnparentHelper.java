// OK: MR002 a helper deletes the subregion, then unparents it
package ffm;

import api.PCIDevice;
import api.Realize;
import api.Strings;
import api.Unrealize;
import api.memory_h;
import api.pci_h;
import api.qom_h;
import java.lang.foreign.MemorySegment;

public final class FfmDelThenUnparentHelper extends PCIDevice {
  private static final MemorySegment NAME = Strings.cstring("fdtuh-mmio");

  record FfmDelThenUnparentHelperState(MemorySegment parent, MemorySegment mmio) {}

  static native FfmDelThenUnparentHelperState FDTUH(MemorySegment obj);

  @Realize
  static void fdtuh_realize(MemorySegment pdev, MemorySegment errp) {
    FfmDelThenUnparentHelperState s = FDTUH(pdev);
    memory_h.memory_region_init_io(s.mmio(), qom_h.OBJECT(s), MemorySegment.NULL, MemorySegment.NULL, NAME, 0x1000L);
    memory_h.memory_region_add_subregion(pci_h.pci_address_space(pdev), 0xfe000000L, s.mmio());
  }

  private static void fdtuh_teardown(MemorySegment bus, FfmDelThenUnparentHelperState s) {
    memory_h.memory_region_del_subregion(bus, s.mmio());
    qom_h.object_unparent(qom_h.OBJECT(s.mmio()));
  }

  @Unrealize
  static void fdtuh_exit(MemorySegment pdev) {
    fdtuh_teardown(pci_h.pci_address_space(pdev), FDTUH(pdev));
  }
}
