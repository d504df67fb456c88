package dev.mrcheck.analysis;

import java.util.List;

/**
 * Where references the code must give back (a {@code memory_region_ref}, a {@code memory_region_find}
 * section, an {@code address_space_map} buffer) go besides their release: stored somewhere that
 * outlives the function, given back, or known to be absent on a branch.
 */
final class References {
  private References() {}

  /**
   * {@code value} was stored (or handed to unseen code): every reference inside it is now kept there.
   * References on the device's own regions stay as they are: whoever keeps them, they are MR001's cycle.
   */
  static void stored(RegionState s, Place value, boolean intoDevice) {
    if (value == null || value.isUnknown() || value.isNull()) return;
    for (Fact f : List.copyOf(s.facts())) {
      boolean mustGiveBack = f instanceof Fact.Held || f instanceof Fact.Referenced r && r.owner() != Fact.Owner.SELF;
      if (!mustGiveBack || !Place.isWithin(f.region(), value.id())) continue;
      s.removeIf(f::equals);
      s.add(new Fact.Stored(f.region(), intoDevice, f));
    }
  }

  /** {@code memory_region_unref}/{@code address_space_unmap} of {@code value}: the reference is given back. */
  static void released(RegionState s, Place value, Class<? extends Fact> kind, Fact.HeldBy by) {
    s.removeIf(f -> f.region().equals(value.id()) && isReference(f instanceof Fact.Stored st ? st.reference() : f,
        kind, by));
  }

  /**
   * {@code memory_region_unref(value)} gives back one reference: the most recent one taken on the
   * region (or a find's section), so a second ref stays outstanding. References count; they are not a flag.
   */
  static void releasedOne(RegionState s, Place value) {
    Fact last = null;
    for (Fact f : s.facts()) {
      if (f.region().equals(value.id())
          && isReference(f instanceof Fact.Stored st ? st.reference() : f, Fact.Referenced.class, Fact.HeldBy.FIND)) {
        last = f;
      }
    }
    Fact released = last;
    if (released != null) s.removeIf(f -> f.equals(released));
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
    s.removeIf(f -> f.region().equals(value.id())
        && (f instanceof Fact.Held || f instanceof Fact.Stored st && st.reference() instanceof Fact.Held)
        || f instanceof Fact.AddressSpaceLive a && a.addressSpace().equals(value.id()));
  }
}
