package dev.mrcheck.analysis;

import java.util.List;

/**
 * Where references the code must give back (a {@code memory_region_ref}, a {@code
 * memory_region_find} section, an {@code address_space_map} buffer) go besides their release:
 * stored somewhere that outlives the function, given back, or known to be absent on a branch.
 */
final class References {
  private References() {}

  /**
   * {@code value} was stored (or handed to unseen code): every reference inside it is now kept
   * there. References on the device's own regions stay as they are: whoever keeps them, they are
   * MR001's cycle.
   */
  static void stored(RegionState s, Place value, boolean intoDevice) {
    if (value == null || value.isUnknown() || value.isNull()) return;
    for (Fact f : List.copyOf(s.facts())) {
      boolean mustGiveBack =
          f instanceof Fact.Held || f instanceof Fact.Referenced r && r.owner() != Fact.Owner.SELF;
      if (!mustGiveBack || !Place.isWithin(f.region(), value.id())) continue;
      s.removeIf(f::equals);
      s.add(new Fact.Stored(f.region(), intoDevice, f));
    }
  }

  /**
   * Outstanding references counted per region: beyond this many a further ref is taken to be as old
   * as the last counted one, which keeps a loop of refs from making a new fact on every pass.
   */
  private static final int MAX_COUNTED = 8;

  /**
   * The {@link Fact.Referenced#older} of a new reference on {@code region}: after the newest one
   * held on any path.
   */
  static int nextAge(RegionState s, Place region) {
    int next = 0;
    for (Fact f : s.facts()) {
      if (referenceOn(f, region) instanceof Fact.Referenced r) next = Math.max(next, r.older() + 1);
    }
    return Math.min(next, MAX_COUNTED);
  }

  /**
   * {@code memory_region_unref}/{@code address_space_unmap} of {@code value}: the reference is
   * given back. An unref gives back one {@code memory_region_ref}, the youngest one ({@link
   * #popYoungest}). When that was the last reference the code held on the region, {@code mark}
   * records it, if the count the release decremented is one MR006's over-release judges ({@link
   * #judgedCount}).
   */
  static void released(
      RegionState s, Place value, Class<? extends Fact> kind, Fact.HeldBy by, Fact.Released mark) {
    Fact gave = kind == Fact.Referenced.class ? popYoungest(s, value) : null;
    if (gave == null) {
      for (Fact f : s.facts()) {
        Fact r = referenceOn(f, value);
        if (r != null && isReference(r, kind, by)) gave = r;
      }
      s.removeIf(
          f ->
              f.region().equals(value.id())
                  && isReference(f instanceof Fact.Stored st ? st.reference() : f, kind, by));
    }
    // Summarized places (array elements, list elements) stand for many objects: one release each.
    if (gave == null || !judgedCount(gave) || summarized(value)) return;
    for (Fact f : s.facts()) {
      Fact r = referenceOn(f, value);
      if (r != null && isReference(r, kind, by)) return;
    }
    s.add(mark);
  }

  /**
   * Whether giving back one reference too many on the count {@code reference} was taken on is
   * MR006's over-release (docs/rules/MR006.md#over-release): a mapping's or a section's, and a
   * memory_region_ref on another object (its owner's count, or a region owning itself, its own).
   * Not the device's own count (a region it owns: MR001 judges the device's references on itself,
   * MR004 the calls on its regions in instance_finalize), and not an owner-less region's, which
   * counts nothing.
   */
  private static boolean judgedCount(Fact reference) {
    return !(reference instanceof Fact.Referenced r) || r.owner() == Fact.Owner.OTHER;
  }

  private static boolean summarized(Place p) {
    return RegionState.isSummarized(p.id())
        || p.id().contains(QemuLists.ELEMENT)
        || p.shown().contains("[");
  }

  /**
   * The pointer that carried a given-back reference is overwritten ({@code cmd->frame = NULL},
   * {@code buf = map(..)}): a later release through it releases what it holds then.
   */
  static void pointerOverwritten(RegionState s, String id) {
    if (id == null) return;
    s.removeIf(f -> f instanceof Fact.Released && Place.isWithin(f.region(), id));
  }

  /**
   * Back in the caller: what a callee gave back through one of its variables is past (a map helper
   * that unmaps a short mapping and returns NULL: the caller's pointer is that NULL result, which
   * the analysis does not tell from the mapping; an unmap helper taking the buffer), unless the
   * region is part of the device state. What it gave back through a field ({@code
   * memory_region_unref(s->win)}, a heap region the device points to) stays: the caller reaches
   * that same pointer.
   */
  static void calleeReturned(RegionState s) {
    s.removeIf(
        f ->
            f instanceof Fact.Released r
                && r.throughVariable()
                && !Place.isWithin(r.region(), Place.SELF));
  }

  /**
   * The count the releases of {@code region} decremented died with it: once the region that counted
   * its own references (under refcount, or owning itself) is finalized, a further unref is a use
   * after finalization, not a reference given back twice.
   */
  static void countFinalized(RegionState s, String region) {
    s.removeIf(f -> f instanceof Fact.Released && f.region().equals(region));
  }

  /** A reference is taken on {@code value} (tracked or not): what was given back before is past. */
  static void taken(RegionState s, Place value) {
    s.removeIf(f -> f instanceof Fact.Released && f.region().equals(value.id()));
  }

  /**
   * Gives back the youngest {@link Fact.Referenced} on {@code value} and returns it; null if there
   * is none. Refs and unrefs nest: a ref/unref pair in exit balances itself, and the reference
   * realize took is the one left outstanding, which is what a reader of the code expects to be told
   * about.
   */
  private static Fact popYoungest(RegionState s, Place value) {
    Fact.Referenced youngest = null;
    for (Fact f : s.facts()) {
      if (referenceOn(f, value) instanceof Fact.Referenced r
          && (youngest == null || r.older() > youngest.older())) youngest = r;
    }
    if (youngest == null) return null;
    int popped = youngest.older();
    s.removeIf(f -> referenceOn(f, value) instanceof Fact.Referenced r && r.older() == popped);
    return youngest;
  }

  /**
   * The reference {@code f} stands for if it is one on {@code region}, stored or not; else null.
   */
  private static Fact referenceOn(Fact f, Place region) {
    if (!f.region().equals(region.id())) return null;
    return f instanceof Fact.Stored st ? st.reference() : f;
  }

  private static boolean isReference(Fact f, Class<? extends Fact> kind, Fact.HeldBy by) {
    if (f instanceof Fact.Held h) return by != null && h.by() == by;
    return kind.isInstance(f);
  }

  /**
   * The branch on which {@code value} is NULL ({@code if (!section.mr)}, {@code if (!buf)}): a find
   * that hit nothing or a map that failed took no reference there.
   */
  static void nullOnThisBranch(RegionState s, Place value) {
    if (value.isUnknown() || value.isNull()) return;
    s.removeIf(
        f ->
            f.region().equals(value.id())
                    && (f instanceof Fact.Held
                        || f instanceof Fact.Stored st && st.reference() instanceof Fact.Held)
                || f instanceof Fact.AddressSpaceLive a && a.addressSpace().equals(value.id()));
  }
}
