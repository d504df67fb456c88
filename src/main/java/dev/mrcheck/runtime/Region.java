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
