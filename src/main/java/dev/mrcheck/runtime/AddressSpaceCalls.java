package dev.mrcheck.runtime;

import dev.mrcheck.ir.SourceLoc;
import java.util.Objects;

/**
 * Address spaces and their mappings in a {@link RuntimeModel}: init and the RCU-deferred destroy,
 * g_free and g_free_rcu on the same rcu_head, address_space_map/unmap. The public entry points,
 * with their documentation, are {@link RuntimeModel}'s.
 */
final class AddressSpaceCalls {
  private final Journal journal;
  private final ReferencePolicy policy;
  private final NodeStore store;
  private final ReferenceBook refs;
  private final RcuQueue rcu = new RcuQueue();

  AddressSpaceCalls(Journal journal, ReferencePolicy policy, NodeStore store, ReferenceBook refs) {
    this.journal = journal;
    this.policy = policy;
    this.store = store;
    this.refs = refs;
  }

  AddressSpace addressSpaceInit(String name, Region root, SourceLoc loc) {
    AddressSpace as = new AddressSpace(Objects.requireNonNull(name, "name"), root);
    store.spaces.add(as);
    if (refs.isDead(root, "address_space_init", loc)) {
      as.state = AddressSpace.State.DESTROYED;
      return as;
    }
    Node target = policy.refTarget(root);
    journal.note(
        loc,
        "address space "
            + name
            + " initialized over "
            + root.name()
            + (target == null
                ? " (owner NULL, not reference counted)"
                : " (it holds a reference on " + target.name() + ")"));
    if (target != null) {
      as.rootRef =
          refs.addRef(
              as, target, Ref.Kind.ADDRESS_SPACE, "root of address space " + name, loc, root);
    }
    return as;
  }

  AddressSpace addressSpaceInit(String name, Region root, QObject keptBy, SourceLoc loc) {
    AddressSpace as = addressSpaceInit(name, root, loc);
    as.keptBy = keptBy;
    return as;
  }

  void addressSpaceDestroy(AddressSpace as, SourceLoc loc) {
    destroy(as, false, loc);
  }

  void addressSpaceDestroyFree(AddressSpace as, SourceLoc loc) {
    destroy(as, true, loc);
  }

  void gFree(AddressSpace as, SourceLoc loc) {
    if (as.freed) {
      journal.report(
          new Outcome.UseAfterFinalize(
              as.label(), "g_free", loc, "address space " + as.name() + " freed twice"));
      return;
    }
    as.freed = true;
    journal.note(loc, "g_free(" + as.name() + ")");
    RcuQueue.Pending pending = rcu.pendingOn(as);
    if (pending != null) {
      rcu.discard(pending);
      as.destroyLostAt = loc;
      as.destroyLostHow = "g_free while " + pending.callback + " was still queued";
      journal.report(
          new Outcome.UseAfterFinalize(
              as.label(),
              "g_free",
              loc,
              "address space "
                  + as.name()
                  + " freed while its RCU callback "
                  + pending.callback
                  + " is pending: the callback would run on freed"
                  + " memory, the destroy is lost"));
    } else if (as.state == AddressSpace.State.LIVE) {
      journal.report(
          new Outcome.UseAfterFinalize(
              as.label(),
              "g_free",
              loc,
              "address space "
                  + as.name()
                  + " freed while still registered (no address_space_destroy)"));
    }
  }

  void gFreeRcu(AddressSpace as, SourceLoc loc) {
    if (as.freed) {
      journal.report(
          new Outcome.UseAfterFinalize(
              as.label(), "g_free_rcu", loc, "address space " + as.name() + " already freed"));
      return;
    }
    String overwritten =
        rcu.enqueue(
            as,
            "g_free",
            () -> {
              as.freed = true;
              journal.note(null, "RCU: g_free(" + as.name() + ")");
            },
            loc);
    if (overwritten == null) {
      journal.note(loc, "g_free_rcu(" + as.name() + ") queued");
      return;
    }
    as.destroyLostAt = loc;
    as.destroyLostHow =
        "g_free_rcu overwrote the pending " + overwritten + " callback on the same rcu_head";
    journal.note(
        loc,
        "g_free_rcu("
            + as.name()
            + ") overwrites the pending RCU callback "
            + overwritten
            + " on the same rcu_head: the destroy is lost");
  }

  void rcuDrain() {
    journal.note(null, "RCU drain");
    for (RcuQueue.Pending p = rcu.poll(); p != null; p = rcu.poll()) {
      p.action.run();
    }
  }

  Mapping addressSpaceMap(AddressSpace as, Region mr, SourceLoc loc) {
    Mapping m = new Mapping(as, mr, loc);
    store.mappings.add(m);
    if (as.freed || as.state != AddressSpace.State.LIVE) {
      journal.report(
          new Outcome.UseAfterFinalize(
              as.label(),
              "address_space_map",
              loc,
              "address_space_map on "
                  + (as.freed ? "freed" : "destroyed")
                  + " address space "
                  + as.name()));
      m.unmapped = true;
      return m;
    }
    if (refs.isDead(mr, "address_space_map", loc)) {
      m.unmapped = true;
      return m;
    }
    Node target = policy.refTarget(mr);
    journal.note(
        loc,
        "address_space_map("
            + as.name()
            + ") hits "
            + mr.name()
            + (target == null
                ? " (owner NULL, no reference)"
                : " (the mapping holds a reference on " + target.name() + ")"));
    if (target != null) {
      m.ref =
          refs.addRef(
              m, target, Ref.Kind.MAPPING, "mapping of " + mr.name() + " in " + as.name(), loc, mr);
    }
    return m;
  }

  void addressSpaceUnmap(Mapping m, SourceLoc loc) {
    if (m.unmapped) {
      journal.report(
          new Outcome.UseAfterFinalize(
              m.label(),
              "address_space_unmap",
              loc,
              "address_space_unmap of a mapping that is not live"));
      return;
    }
    m.unmapped = true;
    journal.note(loc, "address_space_unmap(" + m.space().name() + ") of " + m.region().name());
    if (m.ref != null) {
      Ref r = m.ref;
      m.ref = null;
      refs.dropRef(r, loc, "unmapped");
    }
  }

  void loseMapping(Mapping m, SourceLoc loc, String why) {
    if (m.unmapped || m.lost) {
      journal.note(loc, why + ": " + m.label() + " is no longer mapped");
      return;
    }
    m.lost = true;
    journal.report(
        new Outcome.Unreleased(
            m.region().name(),
            m.label(),
            loc,
            m.label()
                + " is never unmapped: "
                + why
                + (m.ref == null
                    ? ""
                    : "; its reference on " + m.ref.target.name() + " is never dropped")));
  }

  private void destroy(AddressSpace as, boolean andFree, SourceLoc loc) {
    String call = andFree ? "address_space_destroy_free" : "address_space_destroy";
    if (as.freed || as.state != AddressSpace.State.LIVE) {
      journal.report(
          new Outcome.UseAfterFinalize(
              as.label(),
              call,
              loc,
              call
                  + "("
                  + as.name()
                  + ") on an address space already "
                  + (as.freed ? "freed" : "destroyed")));
      return;
    }
    as.state = AddressSpace.State.DESTROY_PENDING;
    journal.note(
        loc,
        call + "(" + as.name() + "): detached, root reference dropped after an RCU grace period");
    rcu.enqueue(
        as,
        call,
        () -> {
          as.state = AddressSpace.State.DESTROYED;
          journal.note(null, "RCU: " + call + "(" + as.name() + ") callback runs");
          if (as.rootRef != null) {
            Ref r = as.rootRef;
            as.rootRef = null;
            refs.dropRef(r, null, "address space " + as.name() + " destroyed");
          }
          if (andFree) {
            as.freed = true;
          }
        },
        loc);
  }

  /**
   * Mappings never unmapped, and address spaces still registered after the object that held them
   * died: nobody can release them any more.
   */
  void reportUnreleased() {
    for (Mapping m : store.mappings) {
      if (!m.unmapped && !m.lost) {
        loseMapping(
            m, m.ref == null ? null : m.ref.loc, "nothing unmaps it before the scenario ends");
      }
    }
    for (AddressSpace as : store.spaces) {
      if (as.state == AddressSpace.State.LIVE
          && !as.freed
          && as.keptBy != null
          && as.keptBy.finalized) {
        journal.report(
            new Outcome.Unreleased(
                as.name(),
                as.keptBy.name(),
                as.rootRef == null ? null : as.rootRef.loc,
                "address space "
                    + as.name()
                    + " is still registered after "
                    + as.keptBy.name()
                    + ", which held it, was"
                    + " finalized: nobody can destroy it, the memory core keeps using it"
                    + (as.rootRef == null
                        ? ""
                        : " and it keeps its reference on " + as.rootRef.target.name())));
      }
    }
  }
}
