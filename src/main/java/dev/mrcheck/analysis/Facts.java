package dev.mrcheck.analysis;

import java.util.List;

/** Renaming of place ids inside facts; facts are immutable records, so a rename builds new ones. */
final class Facts {
  private Facts() {}

  static String renameId(String id, String from, String to) {
    if (id == null) return null;
    return id != null && Place.isWithin(id, from) ? to + id.substring(from.length()) : id;
  }

  static Fact rename(Fact f, String from, String to) {
    if (f instanceof Fact.Owned o) {
      return new Fact.Owned(
          renameId(o.region(), from, to),
          o.shown(),
          o.owner(),
          o.ownerShown(),
          o.kind(),
          o.phase(),
          o.at(),
          renameId(o.aliasOf(), from, to),
          o.ownsItself());
    }
    if (f instanceof Fact.Mapped m) {
      return new Fact.Mapped(
          renameId(m.region(), from, to),
          m.shown(),
          renameId(m.container(), from, to),
          m.containerShown(),
          m.undoneBefore(),
          m.regionOwner(),
          m.containerOwner(),
          m.phase(),
          m.at(),
          m.how(),
          m.containerUnparented(),
          m.regionUnparented());
    }
    if (f instanceof Fact.Referenced r) {
      return new Fact.Referenced(
          renameId(r.region(), from, to),
          r.shown(),
          r.by(),
          r.owner(),
          r.phase(),
          r.at(),
          r.how(),
          r.older());
    }
    if (f instanceof Fact.Held h) {
      return new Fact.Held(
          renameId(h.region(), from, to),
          h.shown(),
          h.by(),
          h.addressSpaceShown(),
          h.phase(),
          h.at(),
          h.how());
    }
    if (f instanceof Fact.Stored st) {
      return new Fact.Stored(
          renameId(st.region(), from, to), st.intoDevice(), rename(st.reference(), from, to));
    }
    if (f instanceof Fact.DestroyPending d) {
      return new Fact.DestroyPending(
          renameId(d.region(), from, to),
          d.shown(),
          renameId(d.root(), from, to),
          d.rootShown(),
          d.initPhase(),
          d.initAt(),
          d.phase(),
          d.at(),
          d.guards(),
          d.rootOwner(),
          renameIds(d.ownHeld(), from, to));
    }
    if (f instanceof Fact.ErrorReported) return f;
    if (f instanceof Fact.Released r) {
      return new Fact.Released(
          renameId(r.region(), from, to),
          r.shown(),
          r.by(),
          r.callee(),
          r.phase(),
          r.at(),
          r.how(),
          r.throughVariable());
    }
    if (f instanceof Fact.RootKeptByLostDestroy k) {
      return new Fact.RootKeptByLostDestroy(
          renameId(k.region(), from, to), renameId(k.addressSpace(), from, to));
    }
    if (f instanceof Fact.Freed fr)
      return new Fact.Freed(renameId(fr.region(), from, to), fr.owner(), fr.ownsItself());
    if (f instanceof Fact.Unparented u)
      return new Fact.Unparented(
          renameId(u.region(), from, to),
          u.owner(),
          u.finalized(),
          u.ownsItself(),
          renameId(u.aliasOf(), from, to));
    Fact.AddressSpaceLive a = (Fact.AddressSpaceLive) f;
    return new Fact.AddressSpaceLive(
        renameId(a.region(), from, to),
        a.shown(),
        renameId(a.addressSpace(), from, to),
        a.addressSpaceShown(),
        a.rootOwner(),
        a.phase(),
        a.at(),
        a.how(),
        a.guards(),
        renameIds(a.ownHeld(), from, to));
  }

  private static List<String> renameIds(List<String> ids, String from, String to) {
    return ids.stream().map(id -> renameId(id, from, to)).toList();
  }
}
