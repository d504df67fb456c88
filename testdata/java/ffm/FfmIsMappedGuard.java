// OK: MR002 memory_region_is_mapped guards the delete before the unparent
package ffm;

import api.PCIDevice;
import api.Strings;
import api.memory_h;
import api.qom_h;
import java.lang.foreign.MemorySegment;

public final class FfmIsMappedGuard extends PCIDevice {
  private static final MemorySegment NAME = Strings.cstring("fimg-mmio");

  record FfmIsMappedGuardState(MemorySegment parent, MemorySegment mmio, boolean visible) {}

  private final FfmIsMappedGuardState s;

  FfmIsMappedGuard(FfmIsMappedGuardState s) {
    this.s = s;
  }

  @Override
  protected void realize() {
    memory_h.memory_region_init_io(s.mmio(), qom_h.OBJECT(this), MemorySegment.NULL, MemorySegment.NULL, NAME, 0x100L);
    if (s.visible()) {
      memory_h.memory_region_add_subregion(memory_h.get_system_memory(), 0xfe000000L, s.mmio());
    }
  }

  @Override
  protected void exit() {
    if (memory_h.memory_region_is_mapped(s.mmio())) {
      memory_h.memory_region_del_subregion(memory_h.get_system_memory(), s.mmio());
    }
    qom_h.object_unparent(qom_h.OBJECT(s.mmio()));
  }
}
