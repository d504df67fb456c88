package ffm;

import api.InstanceFinalize;
import api.PCIDevice;
import api.Realize;
import api.Strings;
import api.memory_h;
import api.qom_h;
import java.lang.foreign.MemorySegment;

/** address_space_init over the device's own root; the destroy in instance_finalize comes too late. */
public final class FfmAddressSpaceInit extends PCIDevice {
  private static final MemorySegment ROOT_NAME = Strings.cstring("fasi-root");
  private static final MemorySegment AS_NAME = Strings.cstring("fasi-dma");

  record FfmAddressSpaceInitState(MemorySegment parent, MemorySegment root, MemorySegment dma) {}

  static native FfmAddressSpaceInitState FASI(MemorySegment obj);

  @Realize
  static void fasi_realize(MemorySegment pdev, MemorySegment errp) {
    FfmAddressSpaceInitState s = FASI(pdev);
    memory_h.memory_region_init(s.root(), qom_h.OBJECT(s), ROOT_NAME, 1L << 32);
    // BUG: MR001
    memory_h.address_space_init(s.dma(), s.root(), AS_NAME);
  }

  @InstanceFinalize
  static void fasi_finalize(MemorySegment obj) {
    FfmAddressSpaceInitState s = FASI(obj);
    memory_h.address_space_destroy(s.dma());
  }
}
