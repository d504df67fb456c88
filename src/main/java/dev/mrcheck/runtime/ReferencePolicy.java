package dev.mrcheck.runtime;

import dev.mrcheck.model.Semantics;

/**
 * The table of docs/lifetime.md#semantics in one place: what each reference semantics references.
 * Everything else in the model is the same under all three.
 */
final class ReferencePolicy {
  private final Semantics semantics;

  ReferencePolicy(Semantics semantics) {
    this.semantics = semantics;
  }

  Semantics semantics() {
    return semantics;
  }

  /**
   * What {@code memory_region_ref(mr)} references: the owner (legacy, current) or the region itself
   * (refcount). Null for machine-owned regions: they are never reference counted.
   */
  Node refTarget(Region mr) {
    if (mr.selfOwned) {
      return mr; // mr->owner is mr itself: memory_region_ref(mr) is object_ref(mr) under every
      // semantics
    }
    if (mr.owner() == null) {
      return null;
    }
    return semantics == Semantics.REFCOUNT ? mr : mr.owner();
  }

  /** Whether a container takes a reference for {@code sub} when it is added. */
  boolean containerRefsSubregion(Region container, Region sub) {
    return switch (semantics) {
      case LEGACY, REFCOUNT -> true;
      case CURRENT -> container.ownerPointer() != sub.ownerPointer();
    };
  }

  /**
   * Legacy finalize asserts {@code !mr->container}; later semantics detach a same-owner subregion
   * (current, and refcount where the container's own reference means it cannot happen otherwise).
   */
  boolean autoDetachesSameOwnerAtFinalize() {
    return semantics != Semantics.LEGACY;
  }

  /**
   * Refcount semantics: a region keeps its owner alive from the moment it stops being the owner's
   * child (unparent) until it is finalized. While it is a child, the child link already ties it to
   * the owner, so a region created and dropped with its owner needs no reference
   * (docs/lifetime.md#semantics, "from init (or from unparent)"; a throw-away instance made for
   * introspection must not leak).
   */
  boolean regionRefsOwnerOnceUnparented() {
    return semantics == Semantics.REFCOUNT;
  }

  /**
   * Refcount semantics: an alias holds a reference on the region it aliases (references are on
   * regions, so an alias can keep its target alive). Current QEMU takes none; legacy neither.
   */
  boolean aliasRefsTarget() {
    return semantics == Semantics.REFCOUNT;
  }

  /**
   * Refcount semantics: after unrealize, qdev deletes a device's regions from containers and
   * unparents them.
   */
  boolean qdevDropsRegionsAfterUnrealize() {
    return semantics == Semantics.REFCOUNT;
  }
}
