package ffm;

import api.PCIDevice;
import api.Strings;
import api.memory_h;
import api.pci_h;
import api.qom_h;
import java.lang.foreign.MemorySegment;

/** Hot-pluggable card keeps a reference on its own BAR region and never drops it. */
public final class FfmRefNoUnref extends PCIDevice {
  private static final MemorySegment NAME = Strings.cstring("frnu-mmio");

  /** jextract-style view of the C state struct. */
  record FfmRefNoUnrefState(MemorySegment parent, MemorySegment mmio) {}

  private final FfmRefNoUnrefState s;

  FfmRefNoUnref(FfmRefNoUnrefState s) {
    this.s = s;
  }

  @Override
  protected void realize() {
    memory_h.memory_region_init_io(s.mmio(), qom_h.OBJECT(this), MemorySegment.NULL, MemorySegment.NULL, NAME, 0x100L);
    // BUG: MR001
    memory_h.memory_region_ref(s.mmio());
    pci_h.pci_register_bar(pci_h.PCI_DEVICE(this), 0, 0, s.mmio());
  }
}
