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
   * #popYoungest}).
   */
  static void released(
      RegionState s, Place value, Class<? extends Fact> kind, Fact.HeldBy by, Fact.Released mark) {
    boolean gave = kind == Fact.Referenced.class && popYoungest(s, value);
    if (!gave) {
      int before = s.facts().size();
      s.removeIf(
          f ->
              f.region().equals(value.id())
                  && isReference(f instanceof Fact.Stored st ? st.reference() : f, kind, by));
      gave = s.facts().size() < before;
    }
    // Summarized places (array elements, list elements) stand for many objects: one release each.
    if (!gave || summarized(value)) return;
    for (Fact f : s.facts()) {
      Fact r = referenceOn(f, value);
      if (r != null && isReference(r, kind, by)) return;
    }
    s.add(mark);
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
   * Back in the caller: what a callee gave back through its own locals or results is past (a map
   * helper that unmaps a short mapping and returns NULL); only the device state's marks stay.
   */
  static void calleeReturned(RegionState s) {
    s.removeIf(f -> f instanceof Fact.Released && !Place.isWithin(f.region(), Place.SELF));
  }

  /** A reference is taken on {@code value} (tracked or not): what was given back before is past. */
  static void taken(RegionState s, Place value) {
    s.removeIf(f -> f instanceof Fact.Released && f.region().equals(value.id()));
  }

  /**
   * Gives back the youngest {@link Fact.Referenced} on {@code value}; false if there is none. Refs
   * and unrefs nest: a ref/unref pair in exit balances itself, and the reference realize took is
   * the one left outstanding, which is what a reader of the code expects to be told about.
   */
  private static boolean popYoungest(RegionState s, Place value) {
    int youngest = -1;
    for (Fact f : s.facts()) {
      if (referenceOn(f, value) instanceof Fact.Referenced r)
        youngest = Math.max(youngest, r.older());
    }
    if (youngest < 0) return false;
    int popped = youngest;
    s.removeIf(f -> referenceOn(f, value) instanceof Fact.Referenced r && r.older() == popped);
    return true;
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
