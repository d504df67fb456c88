// OK: MR001 regions created in instance_init and mapped at realize by a sysbus device
package ffm;

import api.InstanceInit;
import api.Realize;
import api.Strings;
import api.SysBusDevice;
import api.memory_h;
import api.qom_h;
import java.lang.foreign.MemorySegment;

public final class FfmSysbusInitOnly extends SysBusDevice {
  private static final MemorySegment NAME = Strings.cstring("fsio-regs");

  record FfmSysbusInitOnlyState(MemorySegment parent, MemorySegment regs) {}

  static native FfmSysbusInitOnlyState FSIO(MemorySegment obj);

  @InstanceInit
  static void fsio_init(MemorySegment obj) {
    FfmSysbusInitOnlyState s = FSIO(obj);
    memory_h.memory_region_init_io(s.regs(), qom_h.OBJECT(s), MemorySegment.NULL, MemorySegment.NULL, NAME, 0x100L);
  }

  @Realize
  static void fsio_realize(MemorySegment dev, MemorySegment errp) {
    FfmSysbusInitOnlyState s = FSIO(dev);
    memory_h.memory_region_ref(s.regs());
    memory_h.memory_region_add_subregion(memory_h.get_system_memory(), 0x10000000L, s.regs());
  }
}
