package dev.mrcheck.runtime;

import dev.mrcheck.ir.SourceLoc;

/**
 * The result of {@code address_space_map}: it holds a reference until {@code address_space_unmap}.
 */
public final class Mapping implements Holder {
  private final AddressSpace space;
  private final Region region;
  private final SourceLoc loc;
  Ref ref;
  boolean unmapped;

  /** Reported as unreleased already. */
  boolean lost;

  Mapping(AddressSpace space, Region region, SourceLoc loc) {
    this.space = space;
    this.region = region;
    this.loc = loc;
  }

  public AddressSpace space() {
    return space;
  }

  public Region region() {
    return region;
  }

  public boolean isUnmapped() {
    return unmapped;
  }

  @Override
  public String label() {
    return "mapping of "
        + region.path()
        + " in "
        + space.name()
        + (loc == null ? "" : " (at " + loc + ")");
  }

  @Override
  public String toString() {
    return label();
  }
}
