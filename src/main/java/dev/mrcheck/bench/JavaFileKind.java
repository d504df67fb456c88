package dev.mrcheck.bench;

/**
 * What one generated Java class is. {@code callsMemoryApi} says whether its text calls the modelled
 * memory API, through the facade ({@code MemoryRegion.io}) or the FFM bindings ({@code
 * memory_h.memory_region_init_io}).
 */
enum JavaFileKind {
  /** A stub of the bindings (api package): native methods only, no bodies to analyse. */
  API_STUB(false, false, false, 0),
  /** A subsystem's shared region helpers (map/unmap windows), called from device classes. */
  REGION_HELPER(true, false, false, 60),
  /** PCIDevice subclass over the facade: BARs, bus windows, DMA address spaces, exit(). */
  FACADE_PCI(true, true, true, 120),
  /** SysBusDevice subclass over the facade: regions in instanceInit or realize, containers. */
  FACADE_SYSBUS(true, true, false, 100),
  /** PCIDevice written against jextract-style bindings: state record, C function names. */
  FFM_PCI(true, true, true, 110),
  /** Sysbus device with annotated static FFM hooks, as a QOM TypeInfo would list them. */
  FFM_SYSBUS(true, true, false, 90),
  /** DeviceState subclass without MMIO (a sensor's register file behind a bus). */
  PLAIN_DEVICE(false, true, false, 70),
  /** Emulation logic split out of a device: FIFOs, CRCs, timers, descriptor walks. */
  LOGIC(false, false, false, 40);

  final boolean callsMemoryApi;
  final boolean device;

  /** Whether planted lifetime bugs go here: only hot-pluggable (PCI) devices are unrealized. */
  final boolean pci;

  final int minLines;

  JavaFileKind(boolean callsMemoryApi, boolean device, boolean pci, int minLines) {
    this.callsMemoryApi = callsMemoryApi;
    this.device = device;
    this.pci = pci;
    this.minLines = minLines;
  }

  boolean ffm() {
    return this == FFM_PCI || this == FFM_SYSBUS;
  }
}
