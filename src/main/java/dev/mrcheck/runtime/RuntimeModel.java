package dev.mrcheck.runtime;

import dev.mrcheck.model.Semantics;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.RegionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An executable model of QOM objects, MemoryRegions and AddressSpaces under one of the reference
 * semantics of domain.md §2: a reference interpreter for the memory API's lifetime rules.
 *
 * <p>Every call appends to {@link #trace()}; what would go wrong in QEMU (an assertion, a use after
 * finalization, a region finalized while mapped) is appended to {@link #outcomes()} and the model
 * carries on as if the assertion were compiled out, keeping its own state consistent. Leaks are only
 * known at the end: call {@link #checkLeaks()} once the scenario has dropped its references.
 *
 * <p>Not thread safe; one model per scenario.
 */
public final class RuntimeModel {
  private final ReferencePolicy policy;
  private final Journal journal = new Journal();
  private final RcuQueue rcu = new RcuQueue();
  private final QObject machine;
  private final QObject unattached;
  private final List<Node> nodes = new ArrayList<>();
  private final List<AddressSpace> spaces = new ArrayList<>();
  private final List<Mapping> mappings = new ArrayList<>();

  public RuntimeModel(Semantics semantics) {
    this.policy = new ReferencePolicy(Objects.requireNonNull(semantics, "semantics"));
    machine = register(new QObject("/machine", true));
    unattached = register(new QObject("/machine/unattached", true));
    link(machine, unattached, null);
  }

  public Semantics semantics() {
    return policy.semantics();
  }

  /** The machine: parent of objects that live as long as QEMU runs (boards, SoC parts, buses). */
  public QObject machine() {
    return machine;
  }

  public List<Outcome> outcomes() {
    return journal.outcomes();
  }

  public List<TraceEntry> trace() {
    return journal.trace();
  }

  /** Notes a line in the trace without changing the model (phase markers, replayed descriptions). */
  public void note(SourceLoc loc, String message) {
    journal.note(loc, message);
  }

  // ---------------------------------------------------------------- objects

  /** {@code object_new}: an object with one reference, held by its creator (the caller). */
  public QObject newObject(String name) {
    return newObject(name, null);
  }

  public QObject newObject(String name, SourceLoc loc) {
    QObject obj = register(new QObject(Objects.requireNonNull(name, "name"), false));
    journal.note(loc, name + " created");
    addRef(Holder.CALLER, obj, Ref.Kind.EXTERNAL, "reference returned to its creator", loc, null);
    return obj;
  }

  /** {@code object_property_add_child(parent, ..., child)}: the parent takes a reference. */
  public void addChild(QObject parent, QObject child, SourceLoc loc) {
    if (isDead(parent, "object_property_add_child", loc) || isDead(child, "object_property_add_child", loc)) {
      return;
    }
    if (child.parent != null) {
      journal.report(new Outcome.AssertionFailure("child->parent == NULL", child.name(), loc,
          child.name() + " is already a child of " + child.parent.name()));
      return;
    }
    link(parent, child, loc);
  }

  /** Code that runs as {@code instance_finalize}, after the object's child properties are dropped. */
  public void setInstanceFinalize(QObject obj, Runnable instanceFinalize) {
    obj.instanceFinalize = instanceFinalize;
  }

  public void objectRef(QObject obj, SourceLoc loc) {
    objectRef(obj, Holder.CALLER, loc);
  }

  /** {@code object_ref(obj)} on behalf of {@code holder}. */
  public void objectRef(QObject obj, Holder holder, SourceLoc loc) {
    if (isDead(obj, "object_ref", loc)) {
      return;
    }
    addRef(holder, obj, kindFor(holder), "object_ref by " + holder.label(), loc, null);
  }

  public void objectUnref(QObject obj, SourceLoc loc) {
    objectUnref(obj, Holder.CALLER, loc);
  }

  /** {@code object_unref(obj)} on behalf of {@code holder}; the last one finalizes the object. */
  public void objectUnref(QObject obj, Holder holder, SourceLoc loc) {
    if (isDead(obj, "object_unref", loc)) {
      return;
    }
    Ref ref = find(obj, holder, null, null);
    if (ref == null) {
      ref = obj.refs.stream().filter(r -> r.kind != Ref.Kind.CHILD).findFirst().orElse(null);
    }
    if (ref == null && obj.parentRef != null) {
      journal.report(new Outcome.AssertionFailure("obj->parent == NULL", obj.name(), loc,
          "object_unref drops the reference of " + obj.name() + "'s parent "
              + obj.parent.name() + ": it would be finalized while still a child"));
      unlinkFromParent(obj, loc);
      return;
    }
    if (ref == null) {
      journal.report(new Outcome.AssertionFailure("obj->ref > 0", obj.name(), loc,
          "object_unref on " + obj.name() + " with no reference left"));
      return;
    }
    dropRef(ref, loc, "object_unref by " + holder.label());
  }

  /**
   * Finalizes {@code obj} although references still hold it: what its instance_finalize then does is
   * judged call by call, as if the leak that kept it alive had been fixed. A no-op once finalized.
   */
  public void finalizeDespiteReferences(QObject obj, SourceLoc loc) {
    journal.note(loc, obj.name() + " finalized as if its remaining references were gone");
    finalizeNode(obj, loc);
  }

  /** {@code object_unparent(obj)}: a no-op when it has no parent. */
  public void objectUnparent(QObject obj, SourceLoc loc) {
    if (obj.parent == null) {
      journal.note(loc, "object_unparent(" + obj.name() + "): no parent, no-op");
      return;
    }
    unlinkFromParent(obj, loc);
  }

  // ---------------------------------------------------------------- regions

  /**
   * {@code memory_region_init*(mr, owner, name, ...)} with a non-NULL name: the region becomes a
   * child of its owner, or of {@code /machine/unattached} when the owner is NULL.
   */
  public Region initRegion(String path, QObject owner, RegionKind kind, Region aliasTarget, SourceLoc loc) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    if (owner != null && owner.finalized) {
      journal.report(new Outcome.UseAfterFinalize(owner.name(), "memory_region_init", loc,
          path + " initialized with finalized owner " + owner.name()));
    }
    if (aliasTarget != null && aliasTarget.finalized) {
      journal.report(new Outcome.UseAfterFinalize(aliasTarget.name(), "memory_region_init_alias", loc,
          path + " aliases the finalized region " + aliasTarget.name()));
    }
    Region mr = register(new Region(path, owner, kind, kind == RegionKind.ALIAS ? aliasTarget : null));
    journal.note(loc, path + " initialized as " + kind.modelName() + " region owned by " + mr.ownerLabel()
        + (mr.aliasTarget() == null ? "" : ", aliasing " + mr.aliasTarget().name()));
    link(owner == null || owner.finalized ? unattached : owner, mr, loc);
    // The child property holds the only reference: memory_region_do_init drops the initial one.
    if (mr.aliasTarget() != null && policy.aliasRefsTarget() && !mr.aliasTarget().finalized
        && mr.aliasTarget().owner() != null) {
      mr.aliasRef = addRef(mr, mr.aliasTarget(), Ref.Kind.ALIAS,
          "alias " + path + " references its target", loc, null);
    }
    return mr;
  }

  /**
   * A {@code memory_region_init*} with a wrong owner (domain.md MR009), as QEMU executes it: a region
   * that owns itself is its own child property and can never be finalized; {@code OBJECT()} of a
   * non-object and {@code DEVICE()} of a non-device owner (the RAMBlock's migration name is the
   * owner's device path) abort; a region device code leaves to the machine outlives the device.
   */
  public Region initMisownedRegion(String path, RegionKind kind, Region.Misowning misuse, String ownerShown,
      QObject device, SourceLoc loc) {
    switch (misuse) {
      case NOT_AN_OBJECT -> journal.report(new Outcome.AssertionFailure("object_dynamic_cast_assert(TYPE_OBJECT)",
          path, loc, "OBJECT(" + ownerShown + ") is not an instance of type object: QOM's cast check aborts at the init of "
              + path));
      case NOT_A_DEVICE -> journal.report(new Outcome.AssertionFailure("object_dynamic_cast_assert(TYPE_DEVICE)",
          path, loc, "the init of " + path + " registers the RAM for migration under DEVICE(" + ownerShown
              + "), and " + ownerShown + " is not a device: QOM's cast check aborts"));
      default -> { }
    }
    Region mr = register(new Region(path, null, kind, null));
    if (misuse == Region.Misowning.THE_REGION) {
      mr.selfOwned = true;
      journal.note(loc, path + " initialized as " + kind.modelName() + " region owned by itself");
      link(mr, mr, loc);
    } else {
      mr.madeBy = misuse == Region.Misowning.NONE_IN_DEVICE_CODE ? device : null;
      journal.note(loc, path + " initialized as " + kind.modelName() + " region owned by " + mr.ownerLabel());
      link(unattached, mr, loc);
    }
    return mr;
  }

  /** {@code OBJECT(mr)->free = fn}: QOM calls fn on the region's storage when the region is finalized. */
  public void setFreeHook(Region mr, boolean embedded, SourceLoc loc) {
    mr.freeHook = true;
    mr.embeddedStorage = embedded;
    journal.note(loc, mr.name() + " gets its own free function: QOM frees its storage when it is finalized");
  }

  /**
   * A region created or destroyed by run-time code (MMIO handler, config write, timer) while its device
   * lives. Aliases and containers may come and go; other regions should exist from realize to unrealize.
   */
  public void runtimeRegionChange(Region mr, String operation, SourceLoc loc) {
    runtimeRegionChange(mr, null, operation, loc);
  }

  /**
   * As {@link #runtimeRegionChange(Region, String, SourceLoc)}, by the run-time code of {@code device}
   * (null: unknown). A region owned by another object is the sanctioned wrapper's, freed with that
   * object's own lifetime; a region that owns itself is no device's (MR009 judges its owner).
   */
  public void runtimeRegionChange(Region mr, QObject device, String operation, SourceLoc loc) {
    if (mr.kind().isTransient()) {
      return;
    }
    if (mr.selfOwned || device != null && mr.owner() != null && mr.owner() != device) {
      journal.note(loc, mr.name() + " " + operation + " at run time; it is not the device's region");
      return;
    }
    journal.report(new Outcome.DynamicRegion(mr.name(), operation, loc, mr.kind().modelName() + " region "
        + mr.name() + " " + operation + " at run time, while its device lives"));
  }

  /** {@code memory_region_add_subregion(container, offset, sub)}. */
  public void addSubregion(Region container, Region sub, SourceLoc loc) {
    if (isDead(container, "memory_region_add_subregion", loc) || isDead(sub, "memory_region_add_subregion", loc)) {
      return;
    }
    if (sub.container != null) {
      journal.report(new Outcome.AssertionFailure("!subregion->container", sub.name(), loc,
          sub.name() + " added to " + container.name() + " while already mapped in " + sub.container.name()));
      return;
    }
    if (sub == container || isAncestor(sub, container)) {
      journal.report(new Outcome.AssertionFailure("no container loop", sub.name(), loc,
          sub.name() + " added to " + container.name() + ", which it contains"));
      return;
    }
    sub.container = container;
    container.subregions.add(sub);
    Node target = policy.containerRefsSubregion(container, sub) ? policy.refTarget(sub) : null;
    String why = target == null ? whyNoContainerRef(container, sub)
        : "container holds a reference on " + target.name();
    journal.note(loc, sub.name() + " added to " + container.name() + " (" + why + ")");
    if (target != null) {
      sub.containerRef = addRef(container, target, Ref.Kind.CONTAINER,
          sub.name() + " is mapped in container " + container.name(), loc, sub);
    }
  }

  /** {@code memory_region_del_subregion(container, sub)}: asserts that sub is in that very container. */
  public void delSubregion(Region container, Region sub, SourceLoc loc) {
    if (isDead(sub, "memory_region_del_subregion", loc) || isDead(container, "memory_region_del_subregion", loc)) {
      return;
    }
    if (sub.container != container) {
      journal.report(new Outcome.AssertionFailure("subregion->container == mr", sub.name(), loc,
          "memory_region_del_subregion(" + container.name() + ", " + sub.name() + "): " + sub.name()
              + (sub.container == null ? " is not mapped" : " is mapped in " + sub.container.name())));
      return;
    }
    detach(container, sub, loc, sub.name() + " deleted from " + container.name());
  }

  public void ref(Region mr, SourceLoc loc) {
    ref(mr, Holder.CALLER, loc);
  }

  /** {@code memory_region_ref(mr)} (also {@code memory_region_find}'s section) on behalf of {@code holder}. */
  public void ref(Region mr, Holder holder, SourceLoc loc) {
    Node target = policy.refTarget(mr);
    if (onlyLiveOwnerTouched(mr, target)) {
      // As memory_region_unref: only mr->owner is read, and finalization leaves it in place.
      journal.note(loc, "memory_region_ref(" + mr.name() + ") after it was finalized: only its owner "
          + target.name() + " is touched, and it is alive");
    } else if (isDead(mr, "memory_region_ref", loc)) {
      return;
    }
    if (target == null) {
      journal.note(loc, "memory_region_ref(" + mr.name() + "): owner NULL, not reference counted");
      return;
    }
    addRef(holder, target, kindFor(holder),
        "memory_region_ref(" + mr.name() + ") by " + holder.label(), loc, mr);
  }

  public void unref(Region mr, SourceLoc loc) {
    unref(mr, Holder.CALLER, loc);
  }

  /** {@code memory_region_unref(mr)} on behalf of {@code holder}. */
  public void unref(Region mr, Holder holder, SourceLoc loc) {
    Node target = policy.refTarget(mr);
    if (onlyLiveOwnerTouched(mr, target)) {
      // memory_region_unref only reads mr->owner, which finalization leaves in place; the region's
      // memory (embedded in its owner) is still there: the owner's reference is dropped as usual.
      journal.note(loc, "memory_region_unref(" + mr.name() + ") after it was finalized: only its owner "
          + target.name() + " is touched, and it is alive");
    } else if (isDead(mr, "memory_region_unref", loc)) {
      return;
    }
    if (target == null) {
      journal.note(loc, "memory_region_unref(" + mr.name() + "): owner NULL, not reference counted");
      return;
    }
    // The most recent matching reference: a ref/unref pair in one function balances, an earlier ref stays.
    Ref ref = findLast(target, holder, mr, Ref.Kind.REGION_REF);
    if (ref == null) {
      ref = findLast(target, holder, mr, null);
    }
    if (ref == null) {
      ref = target.refs.stream().filter(r -> r.kind == Ref.Kind.REGION_REF || r.kind == Ref.Kind.EXTERNAL)
          .findFirst().orElse(null);
      if (ref != null) {
        journal.note(loc, "unbalanced memory_region_unref(" + mr.name() + "): drops a reference taken by "
            + ref.holder.label());
      }
    }
    if (ref == null) {
      journal.report(new Outcome.AssertionFailure("obj->ref > 0", target.name(), loc,
          "memory_region_unref(" + mr.name() + ") without a matching memory_region_ref"));
      return;
    }
    dropRef(ref, loc, "memory_region_unref(" + mr.name() + ")");
  }

  /**
   * A finalized region whose reference goes to its owner, still alive: memory_region_ref/unref read only
   * mr->owner, which finalization leaves in place, so the call acts on the owner as usual.
   */
  private static boolean onlyLiveOwnerTouched(Region mr, Node target) {
    return mr.finalized && target != mr && target != null && !target.finalizing && !target.finalized;
  }

  /**
   * Whether {@code memory_region_unref(mr)} on behalf of {@code holder} would drop a reference some
   * other holder took: holder has none of its own through {@code mr} to give back, and another
   * memory_region_ref-style reference is there to take (without one, {@link #unref} reports the
   * underflow and changes nothing).
   */
  public boolean unrefTakesForeignReference(Region mr, Holder holder) {
    Node target = policy.refTarget(mr);
    if (target == null || findLast(target, holder, mr, null) != null) return false;
    return target.refs.stream().anyMatch(r -> r.kind == Ref.Kind.REGION_REF || r.kind == Ref.Kind.EXTERNAL);
  }

  /**
   * {@code object_unparent(OBJECT(mr))}. On a region already dropped by its owner's finalization
   * the parent pointer is NULL, so this is a no-op (domain.md §3), not a use after finalization.
   */
  public void unparentRegion(Region mr, SourceLoc loc) {
    if (mr.parent == null) {
      journal.note(loc, "object_unparent(" + mr.name() + "): "
          + (mr.finalized ? "already finalized, its parent is NULL: no-op" : "no parent, no-op"));
      return;
    }
    if (isOwnerlessRegion(mr)) {
      journal.report(new Outcome.OwnerlessDestroyed(mr.name(), "object_unparent", loc, mr.name()
          + " (owner NULL, " + mr.kind().modelName() + ") destroyed although nothing reference-counts it:"
          + " users of the region are not protected"));
    }
    QObject owner = mr.owner();
    if (policy.regionRefsOwnerOnceUnparented() && owner != null && !owner.finalizing && !owner.finalized
        && mr.refcount() > 1 && mr.ownerRef == null) {
      mr.ownerRef = addRef(mr, owner, Ref.Kind.OWNER,
          mr.name() + " left its owner's children and keeps its owner alive until finalized", loc, null);
    }
    unlinkFromParent(mr, loc);
  }

  /**
   * {@code g_free} of the memory holding {@code mr}. Fine once the region is finalized; on a live region
   * it is a destruction behind QOM's back: an owner-less region is then destroyed unprotected, an owned
   * one is freed while its owner's child property (or another reference) still points at it.
   */
  public void freeRegion(Region mr, SourceLoc loc) {
    if (mr.finalized && mr.freeHook) {
      journal.report(new Outcome.UseAfterFinalize(mr.name(), "g_free", loc, "g_free of " + mr.name()
          + ", whose storage its own free function already released when it was finalized: double free"));
      return;
    }
    if (mr.finalized) {
      journal.note(loc, "g_free releases the storage of finalized " + mr.name());
      return;
    }
    if (isOwnerlessRegion(mr)) {
      journal.report(new Outcome.OwnerlessDestroyed(mr.name(), "g_free", loc, mr.name() + " (owner NULL, "
          + mr.kind().modelName() + ") freed although nothing reference-counts it: users of the region are not protected"));
    } else if (mr.owner() != null) {
      journal.report(new Outcome.UseAfterFinalize(mr.name(), "g_free", loc, mr.name()
          + " freed while still alive (" + holdersOf(mr) + ")"));
    } else {
      journal.note(loc, "g_free of live owner-less " + mr.kind().modelName() + " " + mr.name());
    }
    if (mr.parent != null) {
      unlinkFromParent(mr, loc);
    }
    if (!mr.finalized) {
      finalizeNode(mr, loc);
    }
  }

  /** Any other memory API call on a region ({@code memory_region_set_enabled}, ...): only checks liveness. */
  public void useRegion(Region mr, String operation, SourceLoc loc) {
    if (!isDead(mr, operation, loc)) {
      journal.note(loc, operation + "(" + mr.name() + ")");
    }
  }

  /**
   * What qdev does once {@code device}'s unrealize returned. Under refcount semantics it deletes the
   * device's regions (those still its children) from their containers and unparents them; under the
   * other semantics nothing.
   */
  public void afterUnrealize(QObject device) {
    if (!policy.qdevDropsRegionsAfterUnrealize()) {
      return;
    }
    journal.note(null, "== qdev after unrealize: the device's regions are deleted from containers and unparented ==");
    List<Region> own = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof Region r && r.owner() == device && !r.isFinalized() && r.parent() == device) {
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

  // ---------------------------------------------------------------- address spaces

  /** {@code address_space_init(as, root, name)}: registers the address space and references the root. */
  public AddressSpace addressSpaceInit(String name, Region root, SourceLoc loc) {
    AddressSpace as = new AddressSpace(Objects.requireNonNull(name, "name"), root);
    spaces.add(as);
    if (isDead(root, "address_space_init", loc)) {
      as.state = AddressSpace.State.DESTROYED;
      return as;
    }
    Node target = policy.refTarget(root);
    journal.note(loc, "address space " + name + " initialized over " + root.name()
        + (target == null ? " (owner NULL, not reference counted)" : " (it holds a reference on " + target.name() + ")"));
    if (target != null) {
      as.rootRef = addRef(as, target, Ref.Kind.ADDRESS_SPACE, "root of address space " + name, loc, root);
    }
    return as;
  }

  /**
   * {@code address_space_init} by the code of {@code keptBy}: once that object is finalized nobody can
   * destroy the address space any more, so {@link #checkLeaks()} reports it if it is still registered.
   */
  public AddressSpace addressSpaceInit(String name, Region root, QObject keptBy, SourceLoc loc) {
    AddressSpace as = addressSpaceInit(name, root, loc);
    as.keptBy = keptBy;
    return as;
  }

  /** {@code address_space_destroy(as)}: detaches now, drops the root reference in an RCU callback. */
  public void addressSpaceDestroy(AddressSpace as, SourceLoc loc) {
    destroy(as, false, loc);
  }

  /** {@code address_space_destroy_free(as)}: destroy and free in one RCU callback. */
  public void addressSpaceDestroyFree(AddressSpace as, SourceLoc loc) {
    destroy(as, true, loc);
  }

  /** {@code g_free(as)}: frees now, whatever RCU callback is still queued on it. */
  public void gFree(AddressSpace as, SourceLoc loc) {
    if (as.freed) {
      journal.report(new Outcome.UseAfterFinalize(as.label(), "g_free", loc, "address space " + as.name() + " freed twice"));
      return;
    }
    as.freed = true;
    journal.note(loc, "g_free(" + as.name() + ")");
    RcuQueue.Pending pending = rcu.pendingOn(as);
    if (pending != null) {
      rcu.discard(pending);
      as.destroyLostAt = loc;
      as.destroyLostHow = "g_free while " + pending.callback + " was still queued";
      journal.report(new Outcome.UseAfterFinalize(as.label(), "g_free", loc, "address space " + as.name()
          + " freed while its RCU callback " + pending.callback + " is pending: the callback would run on freed"
          + " memory, the destroy is lost"));
    } else if (as.state == AddressSpace.State.LIVE) {
      journal.report(new Outcome.UseAfterFinalize(as.label(), "g_free", loc, "address space " + as.name()
          + " freed while still registered (no address_space_destroy)"));
    }
  }

  /**
   * {@code g_free_rcu(as, rcu)}: queues g_free on the address space's rcu_head. After
   * {@code address_space_destroy(as)} it overwrites the pending destroy, which is then lost.
   */
  public void gFreeRcu(AddressSpace as, SourceLoc loc) {
    if (as.freed) {
      journal.report(new Outcome.UseAfterFinalize(as.label(), "g_free_rcu", loc, "address space " + as.name() + " already freed"));
      return;
    }
    String overwritten = rcu.enqueue(as, "g_free", () -> {
      as.freed = true;
      journal.note(null, "RCU: g_free(" + as.name() + ")");
    }, loc);
    if (overwritten == null) {
      journal.note(loc, "g_free_rcu(" + as.name() + ") queued");
      return;
    }
    as.destroyLostAt = loc;
    as.destroyLostHow = "g_free_rcu overwrote the pending " + overwritten + " callback on the same rcu_head";
    journal.note(loc, "g_free_rcu(" + as.name() + ") overwrites the pending RCU callback " + overwritten
        + " on the same rcu_head: the destroy is lost");
  }

  /** Runs every queued RCU callback (an {@code rcu_barrier()}/{@code drain_call_rcu()}), in order. */
  public void rcuDrain() {
    journal.note(null, "RCU drain");
    for (RcuQueue.Pending p = rcu.poll(); p != null; p = rcu.poll()) {
      p.action.run();
    }
  }

  /** {@code address_space_map}: the mapping references the region it hits until unmapped. */
  public Mapping addressSpaceMap(AddressSpace as, Region mr, SourceLoc loc) {
    Mapping m = new Mapping(as, mr, loc);
    mappings.add(m);
    if (as.freed || as.state != AddressSpace.State.LIVE) {
      journal.report(new Outcome.UseAfterFinalize(as.label(), "address_space_map", loc,
          "address_space_map on " + (as.freed ? "freed" : "destroyed") + " address space " + as.name()));
      m.unmapped = true;
      return m;
    }
    if (isDead(mr, "address_space_map", loc)) {
      m.unmapped = true;
      return m;
    }
    Node target = policy.refTarget(mr);
    journal.note(loc, "address_space_map(" + as.name() + ") hits " + mr.name()
        + (target == null ? " (owner NULL, no reference)" : " (the mapping holds a reference on " + target.name() + ")"));
    if (target != null) {
      m.ref = addRef(m, target, Ref.Kind.MAPPING, "mapping of " + mr.name() + " in " + as.name(), loc, mr);
    }
    return m;
  }

  /** {@code address_space_unmap}: drops the mapping's reference. */
  public void addressSpaceUnmap(Mapping m, SourceLoc loc) {
    if (m.unmapped) {
      journal.report(new Outcome.UseAfterFinalize(m.label(), "address_space_unmap", loc,
          "address_space_unmap of a mapping that is not live"));
      return;
    }
    m.unmapped = true;
    journal.note(loc, "address_space_unmap(" + m.space().name() + ") of " + m.region().name());
    if (m.ref != null) {
      Ref r = m.ref;
      m.ref = null;
      dropRef(r, loc, "unmapped");
    }
  }

  /**
   * The code holding {@code holder}'s reference on {@code mr} returns without dropping it or storing
   * the pointer: the reference can never be given back.
   */
  public void loseReference(Region mr, Holder holder, SourceLoc loc, String why) {
    Node target = policy.refTarget(mr);
    Ref ref = target == null ? null : find(target, holder, mr, null);
    if (ref == null || ref.lost) {
      journal.note(loc, why + ": no outstanding reference on " + mr.name());
      return;
    }
    ref.lost = true;
    journal.report(new Outcome.Unreleased(mr.name(), holder.label(), loc, "the reference on " + mr.name()
        + " taken" + (ref.loc == null ? "" : " at " + ref.loc) + " is never dropped: " + why
        + (target == mr ? "" : "; " + target.name() + " can never be finalized")));
  }

  /** The code holding mapping {@code m} returns without unmapping it or storing the buffer. */
  public void loseMapping(Mapping m, SourceLoc loc, String why) {
    if (m.unmapped || m.lost) {
      journal.note(loc, why + ": " + m.label() + " is no longer mapped");
      return;
    }
    m.lost = true;
    journal.report(new Outcome.Unreleased(m.region().name(), m.label(), loc, m.label() + " is never unmapped: "
        + why + (m.ref == null ? "" : "; its reference on " + m.ref.target.name() + " is never dropped")));
  }

  // ---------------------------------------------------------------- end state

  /**
   * Appends a {@link Outcome.Leak} for every object (and every region whose owner is not leaked)
   * still alive without an external reference, and for every address space whose destroy was lost.
   * Call once, after the scenario dropped its references and drained RCU.
   */
  public List<Outcome.Leak> checkLeaks() {
    List<Outcome.Leak> leaks = new LeakFinder(nodes).find(spaces);
    leaks.forEach(journal::report);
    reportUnreleased();
    return leaks;
  }

  /** All objects and regions ever created (machine objects first), for inspection and invariants. */
  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  public List<AddressSpace> addressSpaces() {
    return List.copyOf(spaces);
  }

  /**
   * References whose holder is gone: taken by an object that was finalized without dropping them,
   * mappings never unmapped, address spaces still registered after the object that held them died.
   */
  private void reportUnreleased() {
    for (Node n : nodes) {
      for (Ref r : List.copyOf(n.refs)) {
        if (r.kind == Ref.Kind.REGION_REF && !r.lost && r.holder instanceof QObject h && h.finalized) {
          r.lost = true;
          String what = r.via == null ? n.name() : r.via.name();
          journal.report(new Outcome.Unreleased(what, h.name(), r.loc, "the reference on " + what + " held by "
              + h.name() + " is never dropped: " + h.name() + " was finalized while holding it"));
        }
      }
    }
    for (Mapping m : mappings) {
      if (!m.unmapped && !m.lost) {
        loseMapping(m, m.ref == null ? null : m.ref.loc, "nothing unmaps it before the scenario ends");
      }
    }
    for (AddressSpace as : spaces) {
      if (as.state == AddressSpace.State.LIVE && !as.freed && as.keptBy != null && as.keptBy.finalized) {
        journal.report(new Outcome.Unreleased(as.name(), as.keptBy.name(), as.rootRef == null ? null : as.rootRef.loc,
            "address space " + as.name() + " is still registered after " + as.keptBy.name() + ", which held it, was"
                + " finalized: nobody can destroy it, the memory core keeps using it"
                + (as.rootRef == null ? "" : " and it keeps its reference on " + as.rootRef.target.name())));
      }
    }
  }

  // ---------------------------------------------------------------- internals

  private <T extends Node> T register(T node) {
    nodes.add(node);
    return node;
  }

  private static Ref.Kind kindFor(Holder holder) {
    return holder instanceof Holder.External ? Ref.Kind.EXTERNAL : Ref.Kind.REGION_REF;
  }

  private boolean isDead(Node n, String operation, SourceLoc loc) {
    if (!n.finalized) {
      return false;
    }
    String detail = n instanceof Region && operation.equals("memory_region_del_subregion")
        ? " (QEMU asserts subregion->container == mr: finalization detached it)" : "";
    journal.report(new Outcome.UseAfterFinalize(n.name(), operation, loc,
        operation + " on " + n.name() + ", which is already finalized" + detail));
    return true;
  }

  /** Owner NULL and not an alias or container: the regions QEMU expects to live forever (domain.md §5). */
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

  private void link(Node parent, Node child, SourceLoc loc) {
    child.parent = parent;
    parent.children.add(child);
    child.parentRef = addRef(parent, child, Ref.Kind.CHILD, "child property of " + parent.name(), loc, null);
  }

  private void unlinkFromParent(Node child, SourceLoc loc) {
    Node parent = child.parent;
    Ref ref = child.parentRef;
    child.parent = null;
    child.parentRef = null;
    parent.children.remove(child);
    journal.note(loc, child.name() + " unparented from " + parent.name());
    dropRef(ref, loc, "child property of " + parent.name() + " dropped");
  }

  /** Records a reference; a reference on a finalized node is a use after finalization and is not taken. */
  private Ref addRef(Holder holder, Node target, Ref.Kind kind, String reason, SourceLoc loc, Region via) {
    if (target.finalized) {
      journal.report(new Outcome.UseAfterFinalize(target.name(), "reference", loc,
          "a reference on " + target.name() + ", which is already finalized (" + reason + ")"));
      return null;
    }
    int before = target.refcount();
    Ref ref = new Ref(holder, target, kind, reason, loc, via);
    target.refs.add(ref);
    journal.note(loc, target.name() + " refcount " + before + " -> " + target.refcount() + " (" + reason + ")");
    return ref;
  }

  private void dropRef(Ref ref, SourceLoc loc, String why) {
    Node target = ref.target;
    int before = target.refcount();
    if (!target.refs.remove(ref)) {
      return;
    }
    journal.note(loc, target.name() + " refcount " + before + " -> " + target.refcount() + " (" + why + ")");
    if (target.refcount() == 0 && !target.immortal()) {
      finalizeNode(target, loc);
    }
  }

  private static Ref findLast(Node target, Holder holder, Region via, Ref.Kind kind) {
    Ref last = null;
    for (Ref r : target.refs) {
      if (r.holder == holder && (via == null || r.via == via) && (kind == null || r.kind == kind)
          && r.kind != Ref.Kind.CHILD) {
        last = r;
      }
    }
    return last;
  }

  private static Ref find(Node target, Holder holder, Region via, Ref.Kind kind) {
    for (Ref r : target.refs) {
      if (r.holder == holder && (via == null || r.via == via) && (kind == null || r.kind == kind)
          && r.kind != Ref.Kind.CHILD) {
        return r;
      }
    }
    return null;
  }

  /** Removes {@code sub} from {@code container} and drops the container's reference, if it took one. */
  private void detach(Region container, Region sub, SourceLoc loc, String message) {
    container.subregions.remove(sub);
    sub.container = null;
    journal.note(loc, message);
    if (sub.containerRef != null) {
      Ref r = sub.containerRef;
      sub.containerRef = null;
      dropRef(r, loc, sub.name() + " no longer in " + container.name());
    }
  }

  private void destroy(AddressSpace as, boolean andFree, SourceLoc loc) {
    String call = andFree ? "address_space_destroy_free" : "address_space_destroy";
    if (as.freed || as.state != AddressSpace.State.LIVE) {
      journal.report(new Outcome.UseAfterFinalize(as.label(), call, loc,
          call + "(" + as.name() + ") on an address space already " + (as.freed ? "freed" : "destroyed")));
      return;
    }
    as.state = AddressSpace.State.DESTROY_PENDING;
    journal.note(loc, call + "(" + as.name() + "): detached, root reference dropped after an RCU grace period");
    rcu.enqueue(as, call, () -> {
      as.state = AddressSpace.State.DESTROYED;
      journal.note(null, "RCU: " + call + "(" + as.name() + ") callback runs");
      if (as.rootRef != null) {
        Ref r = as.rootRef;
        as.rootRef = null;
        dropRef(r, null, "address space " + as.name() + " destroyed");
      }
      if (andFree) {
        as.freed = true;
      }
    }, loc);
  }

  private void finalizeNode(Node n, SourceLoc loc) {
    if (n.finalized || n.finalizing) {
      return;
    }
    n.finalizing = true;
    if (n instanceof QObject obj) {
      finalizeObject(obj, loc);
    } else {
      finalizeRegion((Region) n, loc);
    }
  }

  /** QOM's object_finalize: child properties first (regions finalized then), then instance_finalize. */
  private void finalizeObject(QObject obj, SourceLoc loc) {
    journal.note(loc, obj.name() + " finalizing: its child properties are dropped first");
    List<Region> ownRegions = new ArrayList<>();
    for (Node child : List.copyOf(obj.children)) {
      if (child instanceof Region r) {
        ownRegions.add(r);
      }
      if (child.parent == obj) {
        unlinkFromParent(child, loc);
      }
    }
    if (obj.instanceFinalize != null) {
      journal.note(loc, obj.name() + " instance_finalize runs");
      obj.instanceFinalize.run();
    }
    obj.finalized = true;
    journal.note(loc, obj.name() + " finalized");
    for (Node n : nodes) {
      if (n instanceof Region r && r.madeBy == obj && !r.finalized) {
        journal.report(new Outcome.UseAfterFinalize(obj.name(), "region outlives the device that made it", loc,
            r.name() + " was made by " + obj.name() + "'s code but left to the machine (owner 0): it outlives "
                + obj.name() + ", and its callbacks would run on freed state"));
      }
    }
    for (Region r : ownRegions) {
      if (!r.finalized) {
        journal.report(new Outcome.UseAfterFinalize(obj.name(), "region outlives its owner", loc,
            r.name() + " is still referenced (" + holdersOf(r) + ") after its owner " + obj.name()
                + " was finalized: its callbacks would run on freed state"));
      }
    }
  }

  private void finalizeRegion(Region mr, SourceLoc loc) {
    journal.note(loc, mr.name() + " finalized");
    Region container = mr.container;
    if (container != null) {
      boolean sameOwner = container.ownerPointer() == mr.ownerPointer();
      // memory_region_finalize assumes the owner is dying: it clears mr->enabled before the auto-detach,
      // so no topology update follows and rendered views keep the finalized region. Only safe at teardown.
      // An owner-less region belongs to the machine, which never dies: only code unparents it, at run time.
      boolean ownerDying = mr.owner() != null && (mr.owner().finalizing || mr.owner().finalized);
      if (sameOwner && policy.autoDetachesSameOwnerAtFinalize() && ownerDying) {
        detach(container, mr, loc, mr.name() + " auto-detached from " + container.name() + " (same owner)");
      } else if (sameOwner && policy.autoDetachesSameOwnerAtFinalize()) {
        journal.report(new Outcome.FinalizedWhileMapped(mr.name(), container.name(), loc,
            "region finalized while mapped in " + container.name() + " although its owner " + mr.ownerLabel()
                + " is alive: memory_region_finalize clears mr->enabled before auto-detaching it, so no topology"
                + " update removes it from rendered views"));
        detach(container, mr, loc, mr.name() + " auto-detached from " + container.name() + " without a topology update");
      } else {
        String assertion = policy.autoDetachesSameOwnerAtFinalize() ? "mr->container->owner == mr->owner" : "!mr->container";
        journal.report(new Outcome.FinalizedWhileMapped(mr.name(), container.name(), loc,
            "region finalized while mapped in " + container.name() + " (QEMU asserts " + assertion + ")"));
        detach(container, mr, loc, mr.name() + " detached from " + container.name() + " after the failed assertion");
      }
    }
    for (Region sub : List.copyOf(mr.subregions)) {
      if (sub.container == mr) {
        detach(mr, sub, loc, sub.name() + " deleted from finalized container " + mr.name());
      }
    }
    for (AddressSpace as : spaces) {
      if (as.root() == mr && as.state == AddressSpace.State.LIVE && !as.freed) {
        journal.report(new Outcome.FinalizedWhileMapped(mr.name(), as.label(), loc,
            "region finalized while the root of live " + as.label()));
      }
    }
    for (Mapping m : mappings) {
      if (m.region() == mr && !m.unmapped) {
        journal.report(new Outcome.FinalizedWhileMapped(mr.name(), m.label(), loc,
            "region finalized while mapped by address_space_map"));
      }
    }
    for (Node n : nodes) {
      if (n instanceof Region alias && alias.aliasTarget() == mr && !alias.finalized && alias.container != null) {
        journal.report(new Outcome.FinalizedWhileMapped(mr.name(), "alias " + alias.name() + " in " + alias.container.name(),
            loc, "region finalized while alias " + alias.name() + " still maps it in " + alias.container.name()));
      }
    }
    mr.finalized = true;
    if (mr.freeHook) {
      runFreeHook(mr, loc);
    }
    if (mr.aliasRef != null) {
      Ref r = mr.aliasRef;
      mr.aliasRef = null;
      dropRef(r, loc, "alias " + mr.name() + " finalized");
    }
    if (mr.ownerRef != null) {
      Ref r = mr.ownerRef;
      mr.ownerRef = null;
      dropRef(r, loc, mr.name() + " finalized");
    }
  }

  /** QOM's object_finalize ends with {@code obj->free(obj)}. */
  private void runFreeHook(Region mr, SourceLoc loc) {
    if (mr.embeddedStorage) {
      journal.report(new Outcome.AssertionFailure("free(): invalid pointer", mr.name(), loc, "finalizing " + mr.name()
          + " calls its free function on storage inside a larger struct (not a pointer g_malloc returned): the "
          + "allocator aborts"));
    } else {
      journal.note(loc, mr.name() + "'s free function releases its storage");
    }
  }

  private static String holdersOf(Node n) {
    return String.join(", ", n.refs.stream().map(r -> "by " + r.holder.label()).toList());
  }
}
