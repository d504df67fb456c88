package facade;

import api.MemoryRegion;
import api.PCIDevice;
import java.util.function.Consumer;

/**
 * Teardown through fields of functional type: the constructor stores a lambda that drops the
 * window, realize a lambda that drops whatever region it is given; exit calls both while the bus
 * still maps what they drop.
 */
public final class FieldTeardownUnparentsMapped extends PCIDevice {
  private MemoryRegion window;
  private MemoryRegion doorbell;
  private final Runnable teardown;
  private Consumer<MemoryRegion> unmapper;

  public FieldTeardownUnparentsMapped() {
    teardown =
        () -> {
          // BUG: MR002 window
          window.unparent();
        };
  }

  @Override
  protected void realize() {
    window = MemoryRegion.io(this, (addr, size) -> 0L, "ftum-window", 0x100);
    busMemory().addSubregion(0xfe000000L, window);
    doorbell = MemoryRegion.io(this, (addr, size) -> 0L, "ftum-doorbell", 0x10);
    busMemory().addSubregion(0xfe001000L, doorbell);
    unmapper =
        r -> {
          // BUG: MR002 object_unparent(r)
          r.unparent();
        };
  }

  @Override
  protected void exit() {
    teardown.run();
    unmapper.accept(doorbell);
  }
}
