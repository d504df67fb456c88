package dev.mrcheck.bench;

/**
 * What one generated file is. {@code callsMemoryApi} says whether its text calls a function of the
 * modelled memory API (init, subregions, BARs, sysbus export, address spaces, unparent): that is
 * what a lexical pre-pass can key on.
 */
enum FileKind {
  /** Sysbus device: MMIO in instance_init or realize, containers, runtime alias windows. */
  SYSBUS_DEVICE(true, true, 150),
  /** Hot-pluggable PCI device: BARs, sub-regions, DMA address space, cleanup in exit. */
  PCI_DEVICE(true, true, 200),
  /** SoC container plus its board: RAM, aliases, memory map table, child devices. */
  SOC(true, false, 260),
  /** A subsystem's shared helpers, some of which wrap the memory API for device files. */
  SUBSYSTEM_COMMON(true, false, 60),
  /** Sysbus device whose region set-up is done by its subsystem's shared helpers only. */
  HELPER_USER_DEVICE(false, true, 140),
  /** I2C sensor: a register file behind send/recv callbacks, no MMIO at all. */
  I2C_DEVICE(false, true, 120),
  /** Pure emulation logic split out of a device (timers, descriptor rings, CRCs). */
  EMULATION_LOGIC(false, false, 40),
  /** Migration glue: VMStateDescriptions, subsections, pre_save/post_load hooks. */
  MIGRATION(false, false, 60),
  /** Device header: type name, OBJECT_DECLARE_SIMPLE_TYPE, state struct. */
  DEVICE_HEADER(false, false, 25),
  /** Subsystem header: prototypes of the shared helpers. */
  COMMON_HEADER(false, false, 25),
  /** Register-definition header: offsets and bit masks as #defines. */
  REGISTER_HEADER(false, false, 15);

  final boolean callsMemoryApi;

  /** Whether the file defines a device (and may move its state struct into a header). */
  final boolean device;

  /** Smallest sensible file of this kind, in lines. */
  final int minLines;

  FileKind(boolean callsMemoryApi, boolean device, int minLines) {
    this.callsMemoryApi = callsMemoryApi;
    this.device = device;
    this.minLines = minLines;
  }

  boolean isHeader() {
    return this == DEVICE_HEADER || this == COMMON_HEADER || this == REGISTER_HEADER;
  }
}
