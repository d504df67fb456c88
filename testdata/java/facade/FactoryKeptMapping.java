// OK: MR004 the factory-made wrapper leaves its region to QOM at finalize
package facade;

import api.DeviceState;
import api.MemoryRegion;

/** A wrapper a factory makes, whose region QOM drops with its children: nothing to do at finalize. */
public final class FactoryKeptMapping extends DeviceState {
  private MemoryRegion mr;
  private long uses;

  static FactoryKeptMapping create(long len) {
    FactoryKeptMapping k = new FactoryKeptMapping();
    k.mr = MemoryRegion.ram(k, "fmm-kept", len);
    return k;
  }

  @Override
  protected void realize() {
    // a wrapper: in use from its factory on, nothing more to set up
  }

  @Override
  protected void instanceFinalize() {
    // nothing of the memory API here: no MR004
    uses = 0;
  }
}
