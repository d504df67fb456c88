// OK: MR006 the scratch region is pinned and unpinned under the same null test on both sides
// OK: MR006 the backend is pinned only when mirroring is on, and exit unpins it under the flag realize set on that branch
// OK: MR006 the scratch window is pinned and unpinned under the same null test on both sides
package facade;

import api.MemoryRegion;
import api.PCIDevice;

public final class PinnedBackendUnderFlag extends PCIDevice {
  private MemoryRegion bar;
  /** Another device's region, set through a link property. */
  MemoryRegion backend;
  /** Another optional region, set through a link property. */
  MemoryRegion scratch;
  boolean mirror;
  private boolean backendPinned;

  @Override
  protected void realize() {
    bar = MemoryRegion.io(this, (addr, size) -> 0L, "pbuf-bar", 0x1000);
    registerBar(0, BAR_SPACE_MEMORY, bar);
    if (mirror && backend != null) {
      backend.ref();
      backendPinned = true;
    }
    if (scratch != null) {
      scratch.ref();
    }
  }

  @Override
  protected void exit() {
    if (backendPinned) {
      backend.unref();
      backendPinned = false;
    }
    if (scratch != null) {
      scratch.unref();
    }
  }
}
