package api;

import java.lang.foreign.MemorySegment;

/** Stub of the PCI bindings. */
public final class pci_h {
  private pci_h() {}

  public static native MemorySegment PCI_DEVICE(Object obj);

  public static native void pci_register_bar(MemorySegment dev, int bar, int type, MemorySegment mr);

  public static native MemorySegment pci_address_space(MemorySegment dev);
}
