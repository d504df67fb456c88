package facade;

import api.DeviceState;
import api.MemoryRegion;

/**
 * A mapping wrapper that a factory makes, together with a RAM region owned by the new object. QOM
 * drops that region with the wrapper's children before instance_finalize runs, so the unparent
 * there does nothing; FactoryKeptMapping leaves its region to QOM.
 */
public final class FactoryMadeMapping extends DeviceState {
  private MemoryRegion mr;

  static FactoryMadeMapping create(long len) {
    FactoryMadeMapping m = new FactoryMadeMapping();
    m.mr = MemoryRegion.ram(m, "fmm-mapping", len);
    return m;
  }

  @Override
  protected void realize() {
    // a wrapper: in use from its factory on, nothing more to set up
  }

  @Override
  protected void instanceFinalize() {
    // BUG: MR004 in instance_finalize is a no-op
    mr.unparent();
  }
}
