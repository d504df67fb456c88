// OK: MR006 the pin flag is set by a helper realize calls right after the ref; the model refutes the unflagged path
// OK: MR006 the optional window is pinned and unpinned under the same null test on both sides
package facade;

import api.MemoryRegion;
import api.PCIDevice;

/**
 * Pins another device's region in realize and records the pin through a helper; exit unpins under
 * the flag. The analysis does not carry the helper's store back to the flag's test, so it sees the
 * reference kept where the flag is false; the runtime model knows realize set it and refutes that
 * path.
 */
public final class PinnedBackendFlaggedByHelper extends PCIDevice {
  private MemoryRegion bar;
  /** Another device's region, set through a link property. */
  MemoryRegion backend;
  /** Another optional region, set through a link property. */
  MemoryRegion window;
  private boolean pinned;

  @Override
  protected void realize() {
    bar = MemoryRegion.io(this, (addr, size) -> 0L, "pbfh-bar", 0x1000);
    registerBar(0, BAR_SPACE_MEMORY, bar);
    if (backend != null) {
      backend.ref();
      markPinned();
    }
    if (window != null) {
      window.ref();
    }
  }

  private void markPinned() {
    pinned = true;
  }

  @Override
  protected void exit() {
    if (pinned) {
      backend.unref();
    }
    if (window != null) {
      window.unref();
    }
  }
}
