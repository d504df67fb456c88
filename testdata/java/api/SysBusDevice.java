package api;

/** Stub: sysbus devices are board parts, never unplugged. */
public abstract class SysBusDevice extends DeviceState {
  /** Exports a region for the board to map; not a mapping by the device. */
  public final native void initMmio(MemoryRegion region);
}
