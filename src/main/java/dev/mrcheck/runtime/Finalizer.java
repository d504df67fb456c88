package dev.mrcheck.runtime;

import dev.mrcheck.ir.SourceLoc;
import java.util.ArrayList;
import java.util.List;

/**
 * QOM's finalization in a {@link RuntimeModel}: an object's child properties are dropped, then its
 * instance_finalize runs; a region is detached from what still maps it (reporting what QEMU would
 * assert on), its free function runs, and the references it held are dropped. Whatever the object's
 * own storage holds after instance_finalize belongs here too (end of {@link #finalizeObject}).
 */
final class Finalizer {
  private final Journal journal;
  private final ReferencePolicy policy;
  private final NodeStore store;
  private final ReferenceBook refs;

  Finalizer(Journal journal, ReferencePolicy policy, NodeStore store, ReferenceBook refs) {
    this.journal = journal;
    this.policy = policy;
    this.store = store;
    this.refs = refs;
  }

  void finalizeNode(Node n, SourceLoc loc) {
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

  /**
   * QOM's object_finalize: child properties first (regions finalized then), then instance_finalize.
   */
  private void finalizeObject(QObject obj, SourceLoc loc) {
    journal.note(loc, obj.name() + " finalizing: its child properties are dropped first");
    List<Region> ownRegions = new ArrayList<>();
    for (Node child : List.copyOf(obj.children)) {
      if (child instanceof Region r) {
        ownRegions.add(r);
      }
      if (child.parent == obj) {
        refs.unlinkFromParent(child, loc);
      }
    }
    if (obj.instanceFinalize != null) {
      journal.note(loc, obj.name() + " instance_finalize runs");
      obj.instanceFinalize.run();
    }
    obj.finalized = true;
    journal.note(loc, obj.name() + " finalized");
    for (Node n : store.nodes) {
      if (n instanceof Region r && r.madeBy == obj && !r.finalized) {
        journal.report(
            new Outcome.UseAfterFinalize(
                obj.name(),
                "region outlives the device that made it",
                loc,
                r.name()
                    + " was made by "
                    + obj.name()
                    + "'s code but left to the machine (owner 0): it outlives "
                    + obj.name()
                    + ", and its callbacks would run on freed state"));
      }
    }
    for (Region r : ownRegions) {
      if (!r.finalized) {
        journal.report(
            new Outcome.UseAfterFinalize(
                obj.name(),
                "region outlives its owner",
                loc,
                r.name()
                    + " is still referenced ("
                    + ReferenceBook.holdersOf(r)
                    + ") after its owner "
                    + obj.name()
                    + " was finalized: its callbacks would run on freed state"));
      }
    }
  }

  private void finalizeRegion(Region mr, SourceLoc loc) {
    journal.note(loc, mr.name() + " finalized");
    Region container = mr.container;
    if (container != null) {
      boolean sameOwner = container.ownerPointer() == mr.ownerPointer();
      // memory_region_finalize assumes the owner is dying: it clears mr->enabled before the
      // auto-detach,
      // so no topology update follows and rendered views keep the finalized region. Only safe at
      // teardown.
      // An owner-less region belongs to the machine, which never dies: only code unparents it, at
      // run time.
      boolean ownerDying = mr.owner() != null && (mr.owner().finalizing || mr.owner().finalized);
      if (sameOwner && policy.autoDetachesSameOwnerAtFinalize() && ownerDying) {
        refs.detach(
            container,
            mr,
            loc,
            mr.name() + " auto-detached from " + container.name() + " (same owner)");
      } else if (sameOwner && policy.autoDetachesSameOwnerAtFinalize()) {
        journal.report(
            new Outcome.FinalizedWhileMapped(
                mr.name(),
                container.name(),
                loc,
                "region finalized while mapped in "
                    + container.name()
                    + " although its owner "
                    + mr.ownerLabel()
                    + " is alive: memory_region_finalize clears mr->enabled before auto-detaching it, so no topology"
                    + " update removes it from rendered views"));
        refs.detach(
            container,
            mr,
            loc,
            mr.name() + " auto-detached from " + container.name() + " without a topology update");
      } else {
        String assertion =
            policy.autoDetachesSameOwnerAtFinalize()
                ? "mr->container->owner == mr->owner"
                : "!mr->container";
        journal.report(
            new Outcome.FinalizedWhileMapped(
                mr.name(),
                container.name(),
                loc,
                "region finalized while mapped in "
                    + container.name()
                    + " (QEMU asserts "
                    + assertion
                    + ")"));
        refs.detach(
            container,
            mr,
            loc,
            mr.name() + " detached from " + container.name() + " after the failed assertion");
      }
    }
    for (Region sub : List.copyOf(mr.subregions)) {
      if (sub.container == mr) {
        refs.detach(mr, sub, loc, sub.name() + " deleted from finalized container " + mr.name());
      }
    }
    for (AddressSpace as : store.spaces) {
      if (as.root() == mr && as.state == AddressSpace.State.LIVE && !as.freed) {
        journal.report(
            new Outcome.FinalizedWhileMapped(
                mr.name(),
                as.label(),
                loc,
                "region finalized while the root of live " + as.label()));
      }
    }
    for (Mapping m : store.mappings) {
      if (m.region() == mr && !m.unmapped) {
        journal.report(
            new Outcome.FinalizedWhileMapped(
                mr.name(), m.label(), loc, "region finalized while mapped by address_space_map"));
      }
    }
    for (Node n : store.nodes) {
      if (n instanceof Region alias
          && alias.aliasTarget() == mr
          && !alias.finalized
          && alias.container != null) {
        journal.report(
            new Outcome.FinalizedWhileMapped(
                mr.name(),
                "alias " + alias.name() + " in " + alias.container.name(),
                loc,
                "region finalized while alias "
                    + alias.name()
                    + " still maps it in "
                    + alias.container.name()));
      }
    }
    mr.finalized = true;
    if (mr.freeHook) {
      runFreeHook(mr, loc);
    }
    if (mr.aliasRef != null) {
      Ref r = mr.aliasRef;
      mr.aliasRef = null;
      refs.dropRef(r, loc, "alias " + mr.name() + " finalized");
    }
    if (mr.ownerRef != null) {
      Ref r = mr.ownerRef;
      mr.ownerRef = null;
      refs.dropRef(r, loc, mr.name() + " finalized");
    }
  }

  /** QOM's object_finalize ends with {@code obj->free(obj)}. */
  private void runFreeHook(Region mr, SourceLoc loc) {
    if (mr.embeddedStorage) {
      journal.report(
          new Outcome.AssertionFailure(
              "free(): invalid pointer",
              mr.name(),
              loc,
              "finalizing "
                  + mr.name()
                  + " calls its free function on storage inside a larger struct (not a pointer g_malloc returned): the "
                  + "allocator aborts"));
    } else {
      journal.note(loc, mr.name() + "'s free function releases its storage");
    }
  }
}
