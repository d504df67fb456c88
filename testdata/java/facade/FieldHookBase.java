// OK: MR002 the base class runs whatever teardown its subclass stored; on its own it stores none
package facade;

import api.PCIDevice;

/** A card family whose exit runs the teardown hook each card stores in its constructor. */
public abstract class FieldHookBase extends PCIDevice {
  protected Runnable teardown;

  @Override
  protected void realize() {
    // each card maps its own regions
  }

  @Override
  protected void exit() {
    if (teardown != null) {
      teardown.run();
    }
  }
}
