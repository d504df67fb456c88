// OK: MR006 exit's unpin helper gives the reference back under the flag realize set; the model refutes the path that skips it
// OK: MR006 exit gives the reference back under two flags, both set in realize; the model refutes the path that skips it
package facade;

import api.MemoryRegion;
import api.PCIDevice;

/**
 * Pins two other devices' regions in realize and records each pin through helpers. Exit gives the
 * first back through an unpin helper that tests its flag, the second under two flags. The analysis
 * does not carry the helpers' stores to exit; the runtime model knows what realize wrote, so none
 * of the tests can fail and the leaking paths are refuted.
 */
public final class PinCountedReleasedByUnpinHelper extends PCIDevice {
  private MemoryRegion bar;
  /** Another device's region, set through a link property. */
  MemoryRegion window;
  /** Another device's region, set through a link property. */
  MemoryRegion shadow;
  private boolean windowPinned;
  private boolean shadowPinned;
  private boolean shadowCounted;

  @Override
  protected void realize() {
    bar = MemoryRegion.io(this, (addr, size) -> 0L, "pcru-bar", 0x1000);
    registerBar(0, BAR_SPACE_MEMORY, bar);
    if (window != null) {
      window.ref();
      markWindowPinned();
    }
    if (shadow != null) {
      shadow.ref();
      markShadowPinned();
    }
  }

  private void markWindowPinned() {
    windowPinned = true;
  }

  private void markShadowPinned() {
    shadowPinned = true;
    shadowCounted = true;
  }

  private void unpinWindow() {
    if (windowPinned) {
      window.unref();
      windowPinned = false;
    }
  }

  @Override
  protected void exit() {
    unpinWindow();
    if (shadowPinned && shadowCounted) {
      shadow.unref();
    }
  }
}
