package dev.mrcheck.runtime;

import dev.mrcheck.model.RegionKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A MemoryRegion: a QOM child of its owner (or of the machine when the owner is NULL). */
public final class Region extends Node {
  private final QObject owner;
  private final RegionKind kind;
  private final Region aliasTarget;
  Region container;
  final List<Region> subregions = new ArrayList<>();

  /** The reference the container holds for this subregion, if the semantics take one. */
  Ref containerRef;

  /** Refcount semantics: the reference this region holds on its owner. */
  Ref ownerRef;

  /** Refcount semantics: the reference this alias holds on its target. */
  Ref aliasRef;

  /** Created with itself as owner: its own child property. */
  boolean selfOwned;

  /** Made by a device's code without the device as owner: must not outlive that device. */
  QObject madeBy;

  /**
   * {@code OBJECT(mr)->free} was set; {@code embeddedStorage}: the region is a member of a larger
   * struct.
   */
  boolean freeHook;

  boolean embeddedStorage;

  Region(String path, QObject owner, RegionKind kind, Region aliasTarget) {
    super(path);
    this.owner = owner;
    this.kind = kind;
    this.aliasTarget = aliasTarget;
  }

  /** The access path the analysis knows the region by, e.g. {@code s->mmio}. */
  public String path() {
    return name();
  }

  /** The owner, or null when the machine owns the region (never reference counted). */
  public QObject owner() {
    return owner;
  }

  /**
   * What {@code mr->owner} points at: the region itself when it owns itself (QEMU compares owners
   * by pointer, and such a region's owner is no other region's), else {@link #owner()}.
   */
  Node ownerPointer() {
    return selfOwned ? this : owner;
  }

  /** Initialized with itself as owner (docs/rules/MR009.md): it is its own child property. */
  public boolean ownsItself() {
    return selfOwned;
  }

  public RegionKind kind() {
    return kind;
  }

  public Region aliasTarget() {
    return aliasTarget;
  }

  /** The container this region is mapped in, or null. */
  public Region container() {
    return container;
  }

  /** Subregions in insertion order (QEMU orders by priority; all are equal here). */
  public List<Region> subregions() {
    return Collections.unmodifiableList(subregions);
  }

  String ownerLabel() {
    return owner == null ? "the machine (owner NULL)" : owner.name();
  }
}
