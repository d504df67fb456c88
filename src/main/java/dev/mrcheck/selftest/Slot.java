package dev.mrcheck.selftest;

/**
 * How a generated device program names an operand ({@link DeviceProgram}): one of the device's
 * region fields, address spaces or memory_region_find sections by index, or a fixed object. The
 * NULL owner (the machine's) is a null operand, as in every level of {@code model.Operation}.
 */
public sealed interface Slot {
  /** Region field {@code rN}, spelled per its {@link DeviceProgram.Shape}. */
  record RegionAt(int index) implements Slot {}

  /** Address space {@code asN} ({@link DeviceProgram#heapSpace}: heap or embedded). */
  record SpaceAt(int index) implements Slot {}

  /**
   * The region of section {@code secN}, a local {@code MemoryRegionSection} of the function that a
   * {@code memory_region_find} filled: C {@code secN.mr}.
   */
  record SectionAt(int index) implements Slot {}

  /** Objects every generated device can name. */
  enum Fixed implements Slot {
    /** {@code get_system_memory()}: a container (or root) the device does not own. */
    SYSTEM_MEMORY,
    /** The device itself, as an owner: {@code OBJECT(s)}. */
    SELF,
    /** Another object, as an owner: {@code OBJECT(s->peer)}. */
    PEER,
    /**
     * Another object's region reached through the device's link property {@code s->backend} ({@link
     * StateField#BACKEND}), which may be NULL: only used under a test of it.
     */
    BACKEND,
    /**
     * The factory-made object ({@link PlainObject}), as the owner of its region: {@code
     * OBJECT(map)} in its constructor.
     */
    FACTORY_OBJECT,
    /** The factory-made object's region: {@code map->mr} (heap) or {@code &map->mr} (embedded). */
    FACTORY_REGION
  }

  /** The index of a region slot. */
  static int region(Slot s) {
    return ((RegionAt) s).index();
  }

  /** The index of an address-space slot. */
  static int space(Slot s) {
    return ((SpaceAt) s).index();
  }
}
