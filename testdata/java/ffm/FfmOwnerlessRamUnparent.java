package ffm;

import api.PCIDevice;
import api.Strings;
import api.memory_h;
import api.qom_h;
import java.lang.foreign.MemorySegment;

/** RAM created with a NULL owner is not reference counted; unparenting it frees it under its users. */
public final class FfmOwnerlessRamUnparent extends PCIDevice {
  private static final MemorySegment NAME = Strings.cstring("foru-ram");

  record FfmOwnerlessRamUnparentState(MemorySegment parent, MemorySegment ram) {}

  private final FfmOwnerlessRamUnparentState s;

  FfmOwnerlessRamUnparent(FfmOwnerlessRamUnparentState s) {
    this.s = s;
  }

  @Override
  protected void realize() {
    memory_h.memory_region_init_ram(s.ram(), MemorySegment.NULL, NAME, 0x10000L, MemorySegment.NULL);
  }

  @Override
  protected void exit() {
    // BUG: MR003
    qom_h.object_unparent(qom_h.OBJECT(s.ram()));
  }
}
