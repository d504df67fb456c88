package ffm;

import api.InstanceInit;
import api.Realize;
import api.Strings;
import api.SysBusDevice;
import api.memory_h;
import api.qapi_h;
import api.qom_h;
import java.lang.foreign.MemorySegment;

/**
 * The MMIO write handler (run-time code, reached through its opaque) creates a RAM region while
 * the device lives; realize reports its failure through errp, jextract's MemorySegment.
 */
public final class FfmRuntimeRamRegion extends SysBusDevice {
  private static final MemorySegment OPS = MemorySegment.NULL;

  record FrrState(MemorySegment parent, MemorySegment regs, MemorySegment buf, boolean broken) {}

  /** The generated QOM cast checker. */
  static native FrrState FRR(MemorySegment obj);

  private static void frr_write(MemorySegment opaque, long addr, long val, int size) {
    FrrState s = FRR(opaque);

    // BUG: MR010 run time
    memory_h.memory_region_init_ram(s.buf(), qom_h.OBJECT(s), Strings.cstring("frr-buf"), 0x1000L, MemorySegment.NULL);
  }

  @InstanceInit
  static void frr_init(MemorySegment obj) {
    FrrState s = FRR(obj);

    memory_h.memory_region_init_io(s.regs(), qom_h.OBJECT(s), OPS, MemorySegment.NULL, Strings.cstring("frr-regs"), 0x100L);
  }

  @Realize
  static void frr_realize(MemorySegment dev, MemorySegment errp) {
    FrrState s = FRR(dev);

    if (s.broken()) {
      qapi_h.error_setg(errp, Strings.cstring("frr: broken"));
      return;
    }
  }
}
