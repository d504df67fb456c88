package dev.mrcheck.runtime;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Misowning;
import dev.mrcheck.model.RegionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The memory API calls on regions in a {@link RuntimeModel}: init (well or wrongly owned), mapping
 * in containers, memory_region_ref/unref, unparent and g_free, and what qdev does to a device's
 * regions after unrealize. The public entry points, with their documentation, are {@link
 * RuntimeModel}'s.
 */
final class RegionCalls {
  private final Journal journal;
  private final ReferencePolicy policy;
  private final NodeStore store;
  private final ReferenceBook refs;
  private final Finalizer finalizer;

  RegionCalls(
      Journal journal,
      ReferencePolicy policy,
      NodeStore store,
      ReferenceBook refs,
      Finalizer finalizer) {
    this.journal = journal;
    this.policy = policy;
    this.store = store;
    this.refs = refs;
    this.finalizer = finalizer;
  }

  Region initRegion(
      String path, QObject owner, RegionKind kind, Region aliasTarget, SourceLoc loc) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    if (owner != null && owner.finalized) {
      journal.report(
          new Outcome.UseAfterFinalize(
              owner.name(),
              "memory_region_init",
              loc,
              path + " initialized with finalized owner " + owner.name()));
    }
    if (aliasTarget != null && aliasTarget.finalized) {
      journal.report(
          new Outcome.UseAfterFinalize(
              aliasTarget.name(),
              "memory_region_init_alias",
              loc,
              path + " aliases the finalized region " + aliasTarget.name()));
    }
    Region mr =
        store.register(
            new Region(path, owner, kind, kind == RegionKind.ALIAS ? aliasTarget : null));
    journal.note(
        loc,
        path
            + " initialized as "
            + kind.modelName()
            + " region owned by "
            + mr.ownerLabel()
            + (mr.aliasTarget() == null ? "" : ", aliasing " + mr.aliasTarget().name()));
    refs.link(owner == null || owner.finalized ? store.unattached : owner, mr, loc);
    // The child property holds the only reference: memory_region_do_init drops the initial one.
    if (mr.aliasTarget() != null
        && policy.aliasRefsTarget()
        && !mr.aliasTarget().finalized
        && mr.aliasTarget().owner() != null) {
      mr.aliasRef =
          refs.addRef(
              mr,
              mr.aliasTarget(),
              Ref.Kind.ALIAS,
              "alias " + path + " references its target",
              loc,
              null);
    }
    return mr;
  }

  Region initMisownedRegion(
      String path,
      RegionKind kind,
      Misowning misuse,
      String ownerShown,
      QObject device,
      SourceLoc loc) {
    switch (misuse) {
      case NOT_AN_OBJECT ->
          journal.report(
              new Outcome.AssertionFailure(
                  "object_dynamic_cast_assert(TYPE_OBJECT)",
                  path,
                  loc,
                  "OBJECT("
                      + ownerShown
                      + ") is not an instance of type object: QOM's cast check aborts at the init of "
                      + path));
      case NOT_A_DEVICE ->
          journal.report(
              new Outcome.AssertionFailure(
                  "object_dynamic_cast_assert(TYPE_DEVICE)",
                  path,
                  loc,
                  "the init of "
                      + path
                      + " registers the RAM for migration under DEVICE("
                      + ownerShown
                      + "), and "
                      + ownerShown
                      + " is not a device: QOM's cast check aborts"));
      default -> {}
    }
    Region mr = store.register(new Region(path, null, kind, null));
    if (misuse == Misowning.THE_REGION) {
      mr.selfOwned = true;
      journal.note(loc, path + " initialized as " + kind.modelName() + " region owned by itself");
      refs.link(mr, mr, loc);
    } else {
      mr.madeBy = misuse == Misowning.NONE_IN_DEVICE_CODE ? device : null;
      journal.note(
          loc,
          path + " initialized as " + kind.modelName() + " region owned by " + mr.ownerLabel());
      refs.link(store.unattached, mr, loc);
    }
    return mr;
  }

  void setFreeHook(Region mr, boolean embedded, SourceLoc loc) {
    mr.freeHook = true;
    mr.embeddedStorage = embedded;
    journal.note(
        loc, mr.name() + " gets its own free function: QOM frees its storage when it is finalized");
  }

  void runtimeRegionChange(Region mr, String operation, SourceLoc loc) {
    runtimeRegionChange(mr, null, operation, loc);
  }

  void runtimeRegionChange(Region mr, QObject device, String operation, SourceLoc loc) {
    if (mr.kind().isTransient()) {
      return;
    }
    if (mr.selfOwned || device != null && mr.owner() != null && mr.owner() != device) {
      journal.note(
          loc, mr.name() + " " + operation + " at run time; it is not the device's region");
      return;
    }
    journal.report(
        new Outcome.DynamicRegion(
            mr.name(),
            operation,
            loc,
            mr.kind().modelName()
                + " region "
                + mr.name()
                + " "
                + operation
                + " at run time, while its device lives"));
  }

  void addSubregion(Region container, Region sub, SourceLoc loc) {
    if (refs.isDead(container, "memory_region_add_subregion", loc)
        || refs.isDead(sub, "memory_region_add_subregion", loc)) {
      return;
    }
    if (sub.container != null) {
      journal.report(
          new Outcome.AssertionFailure(
              "!subregion->container",
              sub.name(),
              loc,
              sub.name()
                  + " added to "
                  + container.name()
                  + " while already mapped in "
                  + sub.container.name()));
      return;
    }
    if (sub == container || isAncestor(sub, container)) {
      journal.report(
          new Outcome.AssertionFailure(
              "no container loop",
              sub.name(),
              loc,
              sub.name() + " added to " + container.name() + ", which it contains"));
      return;
    }
    sub.container = container;
    container.subregions.add(sub);
    Node target = policy.containerRefsSubregion(container, sub) ? policy.refTarget(sub) : null;
    String why =
        target == null
            ? whyNoContainerRef(container, sub)
            : "container holds a reference on " + target.name();
    journal.note(loc, sub.name() + " added to " + container.name() + " (" + why + ")");
    if (target != null) {
      sub.containerRef =
          refs.addRef(
              container,
              target,
              Ref.Kind.CONTAINER,
              sub.name() + " is mapped in container " + container.name(),
              loc,
              sub);
    }
  }

  void delSubregion(Region container, Region sub, SourceLoc loc) {
    if (refs.isDead(sub, "memory_region_del_subregion", loc)
        || refs.isDead(container, "memory_region_del_subregion", loc)) {
      return;
    }
    if (sub.container != container) {
      journal.report(
          new Outcome.AssertionFailure(
              "subregion->container == mr",
              sub.name(),
              loc,
              "memory_region_del_subregion("
                  + container.name()
                  + ", "
                  + sub.name()
                  + "): "
                  + sub.name()
                  + (sub.container == null
                      ? " is not mapped"
                      : " is mapped in " + sub.container.name())));
      return;
    }
    refs.detach(container, sub, loc, sub.name() + " deleted from " + container.name());
  }

  void ref(Region mr, SourceLoc loc) {
    ref(mr, Holder.CALLER, loc);
  }

  void ref(Region mr, Holder holder, SourceLoc loc) {
    Node target = policy.refTarget(mr);
    if (onlyLiveOwnerTouched(mr, target)) {
      // As memory_region_unref: only mr->owner is read, and finalization leaves it in place.
      journal.note(
          loc,
          "memory_region_ref("
              + mr.name()
              + ") after it was finalized: only its owner "
              + target.name()
              + " is touched, and it is alive");
    } else if (refs.isDead(mr, "memory_region_ref", loc)) {
      return;
    }
    if (target == null) {
      journal.note(loc, "memory_region_ref(" + mr.name() + "): owner NULL, not reference counted");
      return;
    }
    refs.addRef(
        holder,
        target,
        ReferenceBook.kindFor(holder),
        "memory_region_ref(" + mr.name() + ") by " + holder.label(),
        loc,
        mr);
  }

  void unref(Region mr, SourceLoc loc) {
    unref(mr, Holder.CALLER, loc);
  }

  void unref(Region mr, Holder holder, SourceLoc loc) {
    Node target = policy.refTarget(mr);
    if (onlyLiveOwnerTouched(mr, target)) {
      // memory_region_unref only reads mr->owner, which finalization leaves in place; the region's
      // memory (embedded in its owner) is still there: the owner's reference is dropped as usual.
      journal.note(
          loc,
          "memory_region_unref("
              + mr.name()
              + ") after it was finalized: only its owner "
              + target.name()
              + " is touched, and it is alive");
    } else if (refs.isDead(mr, "memory_region_unref", loc)) {
      return;
    }
    if (target == null) {
      journal.note(
          loc, "memory_region_unref(" + mr.name() + "): owner NULL, not reference counted");
      return;
    }
    // The most recent matching reference: a ref/unref pair in one function balances, an earlier ref
    // stays.
    Ref ref = ReferenceBook.findLast(target, holder, mr, Ref.Kind.REGION_REF);
    if (ref == null) {
      ref = ReferenceBook.findLast(target, holder, mr, null);
    }
    if (ref == null) {
      ref =
          target.refs.stream()
              .filter(r -> r.kind == Ref.Kind.REGION_REF || r.kind == Ref.Kind.EXTERNAL)
              .findFirst()
              .orElse(null);
      if (ref != null) {
        journal.note(
            loc,
            "unbalanced memory_region_unref("
                + mr.name()
                + "): drops a reference taken by "
                + ref.holder.label());
      }
    }
    if (ref == null) {
      journal.report(
          new Outcome.AssertionFailure(
              "obj->ref > 0",
              target.name(),
              loc,
              "memory_region_unref(" + mr.name() + ") without a matching memory_region_ref"));
      return;
    }
    refs.dropRef(ref, loc, "memory_region_unref(" + mr.name() + ")");
  }

  /**
   * A finalized region whose reference goes to its owner, still alive: memory_region_ref/unref read
   * only mr->owner, which finalization leaves in place, so the call acts on the owner as usual.
   */
  private static boolean onlyLiveOwnerTouched(Region mr, Node target) {
    return mr.finalized
        && target != mr
        && target != null
        && !target.finalizing
        && !target.finalized;
  }

  boolean unrefTakesForeignReference(Region mr, Holder holder) {
    Node target = policy.refTarget(mr);
    if (target == null || ReferenceBook.findLast(target, holder, mr, null) != null) return false;
    return target.refs.stream()
        .anyMatch(r -> r.kind == Ref.Kind.REGION_REF || r.kind == Ref.Kind.EXTERNAL);
  }

  void unparentRegion(Region mr, SourceLoc loc) {
    if (mr.parent == null) {
      journal.note(
          loc,
          "object_unparent("
              + mr.name()
              + "): "
              + (mr.finalized
                  ? "already finalized, its parent is NULL: no-op"
                  : "no parent, no-op"));
      return;
    }
    if (isOwnerlessRegion(mr)) {
      journal.report(
          new Outcome.OwnerlessDestroyed(
              mr.name(),
              "object_unparent",
              loc,
              mr.name()
                  + " (owner NULL, "
                  + mr.kind().modelName()
                  + ") destroyed although nothing reference-counts it:"
                  + " users of the region are not protected"));
    }
    QObject owner = mr.owner();
    if (policy.regionRefsOwnerOnceUnparented()
        && owner != null
        && !owner.finalizing
        && !owner.finalized
        && mr.refcount() > 1
        && mr.ownerRef == null) {
      mr.ownerRef =
          refs.addRef(
              mr,
              owner,
              Ref.Kind.OWNER,
              mr.name() + " left its owner's children and keeps its owner alive until finalized",
              loc,
              null);
    }
    refs.unlinkFromParent(mr, loc);
  }

  void freeRegion(Region mr, SourceLoc loc) {
    if (mr.finalized && mr.freeHook) {
      journal.report(
          new Outcome.UseAfterFinalize(
              mr.name(),
              "g_free",
              loc,
              "g_free of "
                  + mr.name()
                  + ", whose storage its own free function already released when it was finalized: double free"));
      return;
    }
    if (mr.finalized) {
      journal.note(loc, "g_free releases the storage of finalized " + mr.name());
      return;
    }
    if (isOwnerlessRegion(mr)) {
      journal.report(
          new Outcome.OwnerlessDestroyed(
              mr.name(),
              "g_free",
              loc,
              mr.name()
                  + " (owner NULL, "
                  + mr.kind().modelName()
                  + ") freed although nothing reference-counts it: users of the region are not protected"));
    } else if (mr.owner() != null) {
      journal.report(
          new Outcome.UseAfterFinalize(
              mr.name(),
              "g_free",
              loc,
              mr.name() + " freed while still alive (" + ReferenceBook.holdersOf(mr) + ")"));
    } else {
      journal.note(loc, "g_free of live owner-less " + mr.kind().modelName() + " " + mr.name());
    }
    if (mr.parent != null) {
      refs.unlinkFromParent(mr, loc);
    }
    if (!mr.finalized) {
      finalizer.finalizeNode(mr, loc);
    }
  }

  void useRegion(Region mr, String operation, SourceLoc loc) {
    if (!refs.isDead(mr, operation, loc)) {
      journal.note(loc, operation + "(" + mr.name() + ")");
    }
  }

  void afterUnrealize(QObject device) {
    if (!policy.qdevDropsRegionsAfterUnrealize()) {
      return;
    }
    journal.note(
        null,
        "== qdev after unrealize: the device's regions are deleted from containers and unparented ==");
    List<Region> own = new ArrayList<>();
    for (Node n : store.nodes) {
      if (n instanceof Region r
          && r.owner() == device
          && !r.isFinalized()
          && r.parent() == device) {
        own.add(r);
      }
    }
    for (Region r : own) {
      if (r.container() != null) {
        delSubregion(r.container(), r, null);
      }
    }
    for (Region r : own) {
      unparentRegion(r, null);
    }
  }

  void loseReference(Region mr, Holder holder, SourceLoc loc, String why) {
    Node target = policy.refTarget(mr);
    Ref ref = target == null ? null : ReferenceBook.find(target, holder, mr, null);
    if (ref == null || ref.lost) {
      journal.note(loc, why + ": no outstanding reference on " + mr.name());
      return;
    }
    ref.lost = true;
    journal.report(
        new Outcome.Unreleased(
            mr.name(),
            holder.label(),
            loc,
            "the reference on "
                + mr.name()
                + " taken"
                + (ref.loc == null ? "" : " at " + ref.loc)
                + " is never dropped: "
                + why
                + (target == mr ? "" : "; " + target.name() + " can never be finalized")));
  }

  /**
   * Owner NULL and not an alias or container: the regions QEMU expects to live forever
   * (docs/lifetime.md#legitimate-patterns).
   */
  private static boolean isOwnerlessRegion(Region mr) {
    return mr.owner() == null && !mr.selfOwned && !mr.kind().isTransient();
  }

  private static boolean isAncestor(Region candidate, Region of) {
    for (Region c = of.container; c != null; c = c.container) {
      if (c == candidate) {
        return true;
      }
    }
    return false;
  }

  private String whyNoContainerRef(Region container, Region sub) {
    if (sub.owner() == null) {
      return "owner NULL, not reference counted";
    }
    return "same owner " + sub.owner().name() + ": the container takes no reference";
  }
}
