package dev.mrcheck.analysis;

import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What QEMU does to the regions between the calls the code makes: QOM dropping the device's child
 * properties before instance_finalize, qdev unparenting the regions after unrealize (refcount), an
 * RCU grace period running the queued destroys, and the finalization of a region when its last
 * holder lets it go. Each takes or updates a state; the queries they ask are {@link Ownership}'s.
 */
final class Finalization {
  private Finalization() {}

  /**
   * QOM drops the device's child properties before instance_finalize: a region the device owns is
   * finalized then, and memory_region_finalize deletes its subregions, whoever owns them. Under
   * refcount a region something else still holds (a mapping, an address space, a reference,
   * possibly an alias) lives on with its subregions: those mappings are kept, marked as under an
   * object_unparent.
   */
  static RegionState childPropertiesDropped(RegionState entry) {
    RegionState s = entry.copy();
    for (Fact.Mapped m : s.facts(Fact.Mapped.class)) {
      List<Fact.Owned> owned = s.facts(Fact.Owned.class, m.container());
      if (m.containerUnparented()
          || owned.isEmpty()
          || owned.stream().anyMatch(o -> o.owner() != Fact.Owner.SELF)) continue;
      boolean held = Ownership.heldPastChildProperties(s, m.container());
      s.removeIf(f -> f.equals(m));
      if (held) s.add(m.withContainerUnparented());
    }
    return s;
  }

  /**
   * Refcount semantics, a device unplugged: after unrealize qdev deletes the device's regions from
   * their containers and unparents them (docs/lifetime.md#semantics), so no container holds one of
   * them past the unplug. An unparented region holds its owner: a pending address_space_destroy
   * over one of the device's regions keeps the device alive until its RCU callback has run, and so
   * have the destroys queued before it.
   */
  static RegionState qdevUnplugged(RegionState entry) {
    RegionState s = entry.copy();
    s.removeIf(f -> f instanceof Fact.Mapped m && Ownership.ownedBySelf(s, m.region()));
    List<Fact.DestroyPending> queued = s.facts(Fact.DestroyPending.class);
    int last = -1;
    for (int i = 0; i < queued.size(); i++) if (!queued.get(i).ownHeld().isEmpty()) last = i;
    Set<Fact> ran = Set.copyOf(queued.subList(0, last + 1));
    s.removeIf(ran::contains);
    return s;
  }

  /**
   * An RCU grace period: the callbacks of the address_space_destroy calls so far have run, and the
   * roots they held are let go.
   */
  static void gracePeriodPassed(RegionState s, Role phase, Semantics semantics) {
    List<String> roots = new ArrayList<>();
    for (Fact.DestroyPending d : s.facts(Fact.DestroyPending.class))
      if (d.root() != null) roots.add(d.root());
    s.removeIf(f -> f instanceof Fact.DestroyPending);
    for (String root : roots) lastHolderGone(s, root, phase, semantics);
  }

  /**
   * Under refcount a container unparented while held is finalized when its last holder lets it go,
   * and its subregions are deleted then (under legacy and current they were at the unparent
   * already).
   */
  static void lastHolderGone(RegionState s, String region, Role phase, Semantics semantics) {
    lastHolderGone(s, region, phase, semantics, new HashSet<>());
  }

  /**
   * {@code aliasesLetGo}: the device's aliases whose targets this call let go already (an alias
   * chain of summarized places may name one region twice).
   */
  private static void lastHolderGone(
      RegionState s, String region, Role phase, Semantics semantics, Set<String> aliasesLetGo) {
    List<Fact.Owned> owned = s.facts(Fact.Owned.class, region);
    // In instance_finalize the device's own regions have lost their parent link already, and so
    // have the device's aliases of them (Ownership.heldInFinalize).
    boolean droppedWithChildren =
        phase == Role.INSTANCE_FINALIZE && Ownership.droppedWithChildProperties(owned);
    if (!owned.isEmpty() && !droppedWithChildren) return;
    if (droppedWithChildren
        ? Ownership.heldInFinalize(s, region, semantics)
        : Ownership.held(s, region, semantics)) return;
    // Unparented owning itself: it lived as long as it was held.
    boolean countedItself = s.everyUnparent(region, Fact.Unparented::ownsItself);
    s.removeIf(
        f ->
            f instanceof Fact.Mapped m
                && (m.containerUnparented() || countedItself)
                && m.container().equals(region));
    // An unparented region that was still held is finalized now: a later ref on it takes nothing.
    for (Fact.Unparented u : s.facts(Fact.Unparented.class, region)) {
      if (u.finalized()) continue;
      s.removeIf(u::equals);
      s.add(new Fact.Unparented(region, u.owner(), true, u.ownsItself(), u.aliasOf()));
      // It counted its own references (refcount, or owning itself): that count is gone too.
      References.countFinalized(s, region);
      // A finalized alias drops its reference on its target.
      if (u.aliasOf() != null) lastHolderGone(s, u.aliasOf(), phase, semantics, aliasesLetGo);
    }
    // So does an alias of the device's that outlived the child drop only because something held it
    // (it was mapped in the container it aliases): let go in instance_finalize, it is finalized,
    // and its target may go with it (#6030).
    if (droppedWithChildren && aliasesLetGo.add(region))
      for (String target : Ownership.aliasTargets(s, region))
        lastHolderGone(s, target, phase, semantics, aliasesLetGo);
  }

  /**
   * A region whose storage the program freed keeps nothing alive any more (under refcount it would
   * hold its owner through freed memory): it leaves the {@code ownHeld} of the address spaces over
   * it, and so do the regions the address space held only through it (an alias's targets, later in
   * the list). (In instance_finalize the device is being finalized already: nothing there holds it
   * any longer.)
   */
  static void forgetFreedHeld(RegionState s, String freed) {
    for (Fact f : List.copyOf(s.facts())) {
      List<String> held =
          f instanceof Fact.AddressSpaceLive a
              ? a.ownHeld()
              : f instanceof Fact.DestroyPending d ? d.ownHeld() : List.of();
      int first = 0;
      while (first < held.size() && !Place.isWithin(held.get(first), freed)) first++;
      if (first == held.size()) continue;
      List<String> kept = List.copyOf(held.subList(0, first));
      s.replace(
          f,
          f instanceof Fact.AddressSpaceLive a
              ? new Fact.AddressSpaceLive(
                  a.region(),
                  a.shown(),
                  a.addressSpace(),
                  a.addressSpaceShown(),
                  a.rootOwner(),
                  a.phase(),
                  a.at(),
                  a.how(),
                  a.guards(),
                  kept)
              : withOwnHeld((Fact.DestroyPending) f, kept));
    }
  }

  private static Fact.DestroyPending withOwnHeld(Fact.DestroyPending d, List<String> ownHeld) {
    return new Fact.DestroyPending(
        d.region(),
        d.shown(),
        d.root(),
        d.rootShown(),
        d.initPhase(),
        d.initAt(),
        d.phase(),
        d.at(),
        d.guards(),
        d.rootOwner(),
        ownHeld);
  }
}
