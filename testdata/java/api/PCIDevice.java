package api;

/** Stub: PCI devices can be hot-unplugged; {@link #exit} is their unrealize. */
public abstract class PCIDevice extends DeviceState {
  public static final int BAR_SPACE_MEMORY = 0;

  protected native void exit();

  /** The PCI core maps the BAR and unmaps it itself before calling {@link #exit}. */
  public final native void registerBar(int bar, int type, MemoryRegion region);

  /** The bus's memory space, a container owned by the bus. */
  public final native MemoryRegion busMemory();
}
