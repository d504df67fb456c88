// OK: MR005 the teardown lambda exit calls unmaps the window from system memory
// OK: MR010 the window is destroyed by exit (through the teardown lambda), not while the card lives
// OK: MR002 the teardown lambda deletes the window before it unparents it
package facade;

import api.MemoryRegion;
import api.PCIDevice;

/** The constructor stores a teardown that unmaps before it unparents; exit runs it. */
public final class FieldTeardownDeletesFirst extends PCIDevice {
  private MemoryRegion window;
  private final Runnable teardown;

  public FieldTeardownDeletesFirst() {
    teardown =
        () -> {
          MemoryRegion.systemMemory().delSubregion(window);
          window.unparent();
        };
  }

  @Override
  protected void realize() {
    window = MemoryRegion.io(this, (addr, size) -> 0L, "ftdf-window", 0x100);
    MemoryRegion.systemMemory().addSubregion(0xfe000000L, window);
  }

  @Override
  protected void exit() {
    teardown.run();
  }
}
