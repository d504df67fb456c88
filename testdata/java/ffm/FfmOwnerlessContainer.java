// OK: MR003 owner-less container and alias may be unparented
package ffm;

import api.PCIDevice;
import api.Realize;
import api.Strings;
import api.Unrealize;
import api.memory_h;
import api.qom_h;
import java.lang.foreign.MemorySegment;

public final class FfmOwnerlessContainer extends PCIDevice {
  private static final MemorySegment HOLE = Strings.cstring("foc-hole");
  private static final MemorySegment LOW = Strings.cstring("foc-low");
  private static final MemorySegment RAM = Strings.cstring("foc-ram");

  record FfmOwnerlessContainerState(MemorySegment parent, MemorySegment hole, MemorySegment low, MemorySegment ram) {}

  static native FfmOwnerlessContainerState FOC(MemorySegment obj);

  @Realize
  static void foc_realize(MemorySegment pdev, MemorySegment errp) {
    FfmOwnerlessContainerState s = FOC(pdev);
    memory_h.memory_region_init_ram(s.ram(), qom_h.OBJECT(s), RAM, 0x10000L, errp);
    memory_h.memory_region_init(s.hole(), MemorySegment.NULL, HOLE, 0x1000L);
    memory_h.memory_region_init_alias(s.low(), MemorySegment.NULL, LOW, s.ram(), 0, 0x1000L);
  }

  @Unrealize
  static void foc_exit(MemorySegment pdev) {
    FfmOwnerlessContainerState s = FOC(pdev);
    qom_h.object_unparent(qom_h.OBJECT(s.hole()));
    qom_h.object_unparent(qom_h.OBJECT(s.low()));
  }
}
