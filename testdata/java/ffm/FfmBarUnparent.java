// OK: MR002 a BAR registered with pci_register_bar is unmapped by the PCI core before exit
package ffm;

import api.PCIDevice;
import api.Strings;
import api.memory_h;
import api.pci_h;
import api.qom_h;
import java.lang.foreign.MemorySegment;

public final class FfmBarUnparent extends PCIDevice {
  private static final MemorySegment NAME = Strings.cstring("fbu-bar");

  record FfmBarUnparentState(MemorySegment parent, MemorySegment bar) {}

  private final FfmBarUnparentState s;

  FfmBarUnparent(FfmBarUnparentState s) {
    this.s = s;
  }

  @Override
  protected void realize() {
    memory_h.memory_region_init_io(s.bar(), qom_h.OBJECT(this), MemorySegment.NULL, MemorySegment.NULL, NAME, 0x1000L);
    pci_h.pci_register_bar(pci_h.PCI_DEVICE(this), 0, 0, s.bar());
  }

  @Override
  protected void exit() {
    qom_h.object_unparent(qom_h.OBJECT(s.bar()));
  }
}
