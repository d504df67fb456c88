package dev.mrcheck.runtime;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Misowning;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Semantics;
import java.util.List;
import java.util.Objects;

/**
 * An executable model of QOM objects, MemoryRegions and AddressSpaces under one of the reference
 * semantics of docs/lifetime.md#semantics: a reference interpreter for the memory API's lifetime
 * rules.
 *
 * <p>Every call appends to {@link #trace()}; what would go wrong in QEMU (an assertion, a use after
 * finalization, a region finalized while mapped) is appended to {@link #outcomes()} and the model
 * carries on as if the assertion were compiled out, keeping its own state consistent. Leaks are
 * only known at the end: call {@link #checkLeaks()} once the scenario has dropped its references.
 *
 * <p>This class is the model's API and its object calls; the work is split among the store of what
 * exists ({@link NodeStore}), the reference bookkeeping ({@link ReferenceBook}), finalization
 * ({@link Finalizer}), the region calls ({@link RegionCalls}) and the address space and mapping
 * calls ({@link AddressSpaceCalls}). Not thread safe; one model per scenario.
 */
public final class RuntimeModel {
  private final ReferencePolicy policy;
  private final Journal journal = new Journal();
  private final NodeStore store = new NodeStore();
  private final ReferenceBook refs;
  private final Finalizer finalizer;
  private final RegionCalls regions;
  private final AddressSpaceCalls addressSpaces;
  private final QObject machine;

  public RuntimeModel(Semantics semantics) {
    this.policy = new ReferencePolicy(Objects.requireNonNull(semantics, "semantics"));
    this.refs = new ReferenceBook(journal, this::finalizeOnLastReference);
    this.finalizer = new Finalizer(journal, policy, store, refs);
    this.regions = new RegionCalls(journal, policy, store, refs, finalizer);
    this.addressSpaces = new AddressSpaceCalls(journal, policy, store, refs);
    machine = store.register(new QObject("/machine", true));
    store.unattached = store.register(new QObject("/machine/unattached", true));
    refs.link(machine, store.unattached, null);
  }

  /** The finalizer is made after the reference book it needs, which calls back here. */
  private void finalizeOnLastReference(Node node, SourceLoc loc) {
    finalizer.finalizeNode(node, loc);
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

  /**
   * Notes a line in the trace without changing the model (phase markers, replayed descriptions).
   */
  public void note(SourceLoc loc, String message) {
    journal.note(loc, message);
  }

  // ---------------------------------------------------------------- objects

  /** {@code object_new}: an object with one reference, held by its creator (the caller). */
  public QObject newObject(String name) {
    return newObject(name, null);
  }

  public QObject newObject(String name, SourceLoc loc) {
    QObject obj = store.register(new QObject(Objects.requireNonNull(name, "name"), false));
    journal.note(loc, name + " created");
    refs.addRef(
        Holder.CALLER, obj, Ref.Kind.EXTERNAL, "reference returned to its creator", loc, null);
    return obj;
  }

  /** {@code object_property_add_child(parent, ..., child)}: the parent takes a reference. */
  public void addChild(QObject parent, QObject child, SourceLoc loc) {
    if (refs.isDead(parent, "object_property_add_child", loc)
        || refs.isDead(child, "object_property_add_child", loc)) {
      return;
    }
    if (child.parent != null) {
      journal.report(
          new Outcome.AssertionFailure(
              "child->parent == NULL",
              child.name(),
              loc,
              child.name() + " is already a child of " + child.parent.name()));
      return;
    }
    refs.link(parent, child, loc);
  }

  /**
   * Code that runs as {@code instance_finalize}, after the object's child properties are dropped.
   */
  public void setInstanceFinalize(QObject obj, Runnable instanceFinalize) {
    obj.instanceFinalize = instanceFinalize;
  }

  public void objectRef(QObject obj, SourceLoc loc) {
    objectRef(obj, Holder.CALLER, loc);
  }

  /** {@code object_ref(obj)} on behalf of {@code holder}. */
  public void objectRef(QObject obj, Holder holder, SourceLoc loc) {
    if (refs.isDead(obj, "object_ref", loc)) {
      return;
    }
    refs.addRef(
        holder, obj, ReferenceBook.kindFor(holder), "object_ref by " + holder.label(), loc, null);
  }

  public void objectUnref(QObject obj, SourceLoc loc) {
    objectUnref(obj, Holder.CALLER, loc);
  }

  /** {@code object_unref(obj)} on behalf of {@code holder}; the last one finalizes the object. */
  public void objectUnref(QObject obj, Holder holder, SourceLoc loc) {
    if (refs.isDead(obj, "object_unref", loc)) {
      return;
    }
    Ref ref = ReferenceBook.find(obj, holder, null, null);
    if (ref == null) {
      ref = obj.refs.stream().filter(r -> r.kind != Ref.Kind.CHILD).findFirst().orElse(null);
    }
    if (ref == null && obj.parentRef != null) {
      journal.report(
          new Outcome.AssertionFailure(
              "obj->parent == NULL",
              obj.name(),
              loc,
              "object_unref drops the reference of "
                  + obj.name()
                  + "'s parent "
                  + obj.parent.name()
                  + ": it would be finalized while still a child"));
      refs.unlinkFromParent(obj, loc);
      return;
    }
    if (ref == null) {
      journal.report(
          new Outcome.AssertionFailure(
              "obj->ref > 0",
              obj.name(),
              loc,
              "object_unref on " + obj.name() + " with no reference left"));
      return;
    }
    refs.dropRef(ref, loc, "object_unref by " + holder.label());
  }

  /**
   * Finalizes {@code obj} although references still hold it: what its instance_finalize then does
   * is judged call by call, as if the leak that kept it alive had been fixed. A no-op once
   * finalized.
   */
  public void finalizeDespiteReferences(QObject obj, SourceLoc loc) {
    journal.note(loc, obj.name() + " finalized as if its remaining references were gone");
    finalizer.finalizeNode(obj, loc);
  }

  /** {@code object_unparent(obj)}: a no-op when it has no parent. */
  public void objectUnparent(QObject obj, SourceLoc loc) {
    if (obj.parent == null) {
      journal.note(loc, "object_unparent(" + obj.name() + "): no parent, no-op");
      return;
    }
    refs.unlinkFromParent(obj, loc);
  }

  // ---------------------------------------------------------------- regions

  /**
   * {@code memory_region_init*(mr, owner, name, ...)} with a non-NULL name: the region becomes a
   * child of its owner, or of {@code /machine/unattached} when the owner is NULL.
   */
  public Region initRegion(
      String path, QObject owner, RegionKind kind, Region aliasTarget, SourceLoc loc) {
    return regions.initRegion(path, owner, kind, aliasTarget, loc);
  }

  /**
   * A {@code memory_region_init*} with a wrong owner (docs/rules/MR009.md), as QEMU executes it: a
   * region that owns itself is its own child property and can never be finalized; {@code OBJECT()}
   * of a non-object and {@code DEVICE()} of a non-device owner (the RAMBlock's migration name is
   * the owner's device path) abort; a region device code leaves to the machine outlives the device.
   */
  public Region initMisownedRegion(
      String path,
      RegionKind kind,
      Misowning misuse,
      String ownerShown,
      QObject device,
      SourceLoc loc) {
    return regions.initMisownedRegion(path, kind, misuse, ownerShown, device, loc);
  }

  /**
   * {@code OBJECT(mr)->free = fn}: QOM calls fn on the region's storage when the region is
   * finalized.
   */
  public void setFreeHook(Region mr, boolean embedded, SourceLoc loc) {
    regions.setFreeHook(mr, embedded, loc);
  }

  /**
   * A region created or destroyed by run-time code (MMIO handler, config write, timer) while its
   * device lives. Aliases and containers may come and go; other regions should exist from realize
   * to unrealize.
   */
  public void runtimeRegionChange(Region mr, String operation, SourceLoc loc) {
    regions.runtimeRegionChange(mr, operation, loc);
  }

  /**
   * As {@link #runtimeRegionChange(Region, String, SourceLoc)}, by the run-time code of {@code
   * device} (null: unknown). A region owned by another object is the sanctioned wrapper's, freed
   * with that object's own lifetime; a region that owns itself is no device's (MR009 judges its
   * owner).
   */
  public void runtimeRegionChange(Region mr, QObject device, String operation, SourceLoc loc) {
    regions.runtimeRegionChange(mr, device, operation, loc);
  }

  /** {@code memory_region_add_subregion(container, offset, sub)}. */
  public void addSubregion(Region container, Region sub, SourceLoc loc) {
    regions.addSubregion(container, sub, loc);
  }

  /**
   * {@code memory_region_del_subregion(container, sub)}: asserts that sub is in that very
   * container.
   */
  public void delSubregion(Region container, Region sub, SourceLoc loc) {
    regions.delSubregion(container, sub, loc);
  }

  public void ref(Region mr, SourceLoc loc) {
    regions.ref(mr, loc);
  }

  /**
   * {@code memory_region_ref(mr)} (also {@code memory_region_find}'s section) on behalf of {@code
   * holder}.
   */
  public void ref(Region mr, Holder holder, SourceLoc loc) {
    regions.ref(mr, holder, loc);
  }

  public void unref(Region mr, SourceLoc loc) {
    regions.unref(mr, loc);
  }

  /** {@code memory_region_unref(mr)} on behalf of {@code holder}. */
  public void unref(Region mr, Holder holder, SourceLoc loc) {
    regions.unref(mr, holder, loc);
  }

  /**
   * Whether {@code memory_region_unref(mr)} on behalf of {@code holder} would drop a reference some
   * other holder took: holder has none of its own through {@code mr} to give back, and another
   * memory_region_ref-style reference is there to take (without one, {@link #unref} reports the
   * underflow and changes nothing).
   */
  public boolean unrefTakesForeignReference(Region mr, Holder holder) {
    return regions.unrefTakesForeignReference(mr, holder);
  }

  /**
   * {@code object_unparent(OBJECT(mr))}. On a region already dropped by its owner's finalization
   * the parent pointer is NULL, so this is a no-op (docs/lifetime.md#phases), not a use after
   * finalization.
   */
  public void unparentRegion(Region mr, SourceLoc loc) {
    regions.unparentRegion(mr, loc);
  }

  /**
   * {@code g_free} of the memory holding {@code mr}. Fine once the region is finalized; on a live
   * region it is a destruction behind QOM's back: an owner-less region is then destroyed
   * unprotected, an owned one is freed while its owner's child property (or another reference)
   * still points at it.
   */
  public void freeRegion(Region mr, SourceLoc loc) {
    regions.freeRegion(mr, loc);
  }

  /**
   * Any other memory API call on a region ({@code memory_region_set_enabled}, ...): only checks
   * liveness.
   */
  public void useRegion(Region mr, String operation, SourceLoc loc) {
    regions.useRegion(mr, operation, loc);
  }

  /**
   * What qdev does once {@code device}'s unrealize returned. Under refcount semantics it deletes
   * the device's regions (those still its children) from their containers and unparents them; under
   * the other semantics nothing.
   */
  public void afterUnrealize(QObject device) {
    regions.afterUnrealize(device);
  }

  /**
   * The code holding {@code holder}'s reference on {@code mr} returns without dropping it or
   * storing the pointer: the reference can never be given back.
   */
  public void loseReference(Region mr, Holder holder, SourceLoc loc, String why) {
    regions.loseReference(mr, holder, loc, why);
  }

  // ---------------------------------------------------------------- address spaces

  /**
   * {@code address_space_init(as, root, name)}: registers the address space and references the
   * root.
   */
  public AddressSpace addressSpaceInit(String name, Region root, SourceLoc loc) {
    return addressSpaces.addressSpaceInit(name, root, loc);
  }

  /**
   * {@code address_space_init} by the code of {@code keptBy}: once that object is finalized nobody
   * can destroy the address space any more, so {@link #checkLeaks()} reports it if it is still
   * registered.
   */
  public AddressSpace addressSpaceInit(String name, Region root, QObject keptBy, SourceLoc loc) {
    return addressSpaces.addressSpaceInit(name, root, keptBy, loc);
  }

  /**
   * {@code address_space_destroy(as)}: detaches now, drops the root reference in an RCU callback.
   */
  public void addressSpaceDestroy(AddressSpace as, SourceLoc loc) {
    addressSpaces.addressSpaceDestroy(as, loc);
  }

  /** {@code address_space_destroy_free(as)}: destroy and free in one RCU callback. */
  public void addressSpaceDestroyFree(AddressSpace as, SourceLoc loc) {
    addressSpaces.addressSpaceDestroyFree(as, loc);
  }

  /** {@code g_free(as)}: frees now, whatever RCU callback is still queued on it. */
  public void gFree(AddressSpace as, SourceLoc loc) {
    addressSpaces.gFree(as, loc);
  }

  /**
   * {@code g_free_rcu(as, rcu)}: queues g_free on the address space's rcu_head. After {@code
   * address_space_destroy(as)} it overwrites the pending destroy, which is then lost.
   */
  public void gFreeRcu(AddressSpace as, SourceLoc loc) {
    addressSpaces.gFreeRcu(as, loc);
  }

  /**
   * Runs every queued RCU callback (an {@code rcu_barrier()}/{@code drain_call_rcu()}), in order.
   */
  public void rcuDrain() {
    addressSpaces.rcuDrain();
  }

  /** {@code address_space_map}: the mapping references the region it hits until unmapped. */
  public Mapping addressSpaceMap(AddressSpace as, Region mr, SourceLoc loc) {
    return addressSpaces.addressSpaceMap(as, mr, loc);
  }

  /** {@code address_space_unmap}: drops the mapping's reference. */
  public void addressSpaceUnmap(Mapping m, SourceLoc loc) {
    addressSpaces.addressSpaceUnmap(m, loc);
  }

  /** The code holding mapping {@code m} returns without unmapping it or storing the buffer. */
  public void loseMapping(Mapping m, SourceLoc loc, String why) {
    addressSpaces.loseMapping(m, loc, why);
  }

  // ---------------------------------------------------------------- end state

  /**
   * Appends a {@link Outcome.Leak} for every object (and every region whose owner is not leaked)
   * still alive without an external reference, and for every address space whose destroy was lost.
   * Call once, after the scenario dropped its references and drained RCU.
   */
  public List<Outcome.Leak> checkLeaks() {
    List<Outcome.Leak> leaks = new LeakFinder(store.nodes).find(store.spaces);
    leaks.forEach(journal::report);
    reportUnreleased();
    return leaks;
  }

  /**
   * All objects and regions ever created (machine objects first), for inspection and invariants.
   */
  public List<Node> nodes() {
    return List.copyOf(store.nodes);
  }

  public List<AddressSpace> addressSpaces() {
    return List.copyOf(store.spaces);
  }

  /**
   * References whose holder is gone: taken by an object that was finalized without dropping them,
   * mappings never unmapped, address spaces still registered after the object that held them died.
   */
  private void reportUnreleased() {
    for (Node n : store.nodes) {
      for (Ref r : List.copyOf(n.refs)) {
        if (r.kind == Ref.Kind.REGION_REF
            && !r.lost
            && r.holder instanceof QObject h
            && h.finalized) {
          r.lost = true;
          String what = r.via == null ? n.name() : r.via.name();
          journal.report(
              new Outcome.Unreleased(
                  what,
                  h.name(),
                  r.loc,
                  "the reference on "
                      + what
                      + " held by "
                      + h.name()
                      + " is never dropped: "
                      + h.name()
                      + " was finalized while holding it"));
        }
      }
    }
    addressSpaces.reportUnreleased();
  }
}
