package dev.mrcheck.analysis;

/**
 * What the owner argument of a {@code memory_region_init*} is, decided from the replayed places and
 * the static types and struct layouts behind them (not from how the code spells it).
 */
public enum OwnerShape {
  /** The device itself (or a part of it that shares its address, such as its QOM parent). */
  DEVICE,
  /** Spelled {@code NULL}: the machine owns the region. */
  NULL_POINTER,
  /** The integer literal {@code 0}: the same null pointer, spelled as a number. */
  ZERO_LITERAL,
  /** The region itself: {@code OBJECT(mr)}, or an object whose first member is the region. */
  THE_REGION,
  /** Another region: regions own nothing but the aliases and subregions their owner gives them. */
  OTHER_REGION,
  /**
   * A QOM object that is not a device and does not hold the region (the machine, a container
   * object).
   */
  NON_DEVICE_OBJECT,
  /**
   * A non-device QOM object that holds the region it owns: the sanctioned wrapper (memory
   * backends).
   */
  WRAPPER,
  /** {@code OBJECT(p)} of a struct that is no QOM object at all. */
  NOT_AN_OBJECT,
  /** Not enough in view to say (an {@code Object *} parameter, a call result). */
  UNKNOWN
}
