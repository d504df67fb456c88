package dev.mrcheck.model;

/** How a region's owner argument can be wrong (docs/rules/MR009.md). */
public enum Misowning {
  /** {@code OBJECT(mr)}, or an object whose first member is the region. */
  THE_REGION,
  /** {@code OBJECT(p)} of a struct that is no QOM object. */
  NOT_AN_OBJECT,
  /** A QOM object that is not a device, where the init casts the owner with {@code DEVICE()}. */
  NOT_A_DEVICE,
  /** Device code that passes {@code 0}: the region is the machine's, not the device's. */
  NONE_IN_DEVICE_CODE
}
