package dev.mrcheck.rules;

import dev.mrcheck.analysis.Fact;
import dev.mrcheck.analysis.Place;
import dev.mrcheck.analysis.RegionState;
import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import java.util.List;

/**
 * A reference the code must give back, whichever call took it: a {@code memory_region_ref}, a
 * {@code memory_region_find} section or an {@code address_space_map} buffer. Also says where the
 * reference went besides its release: stored in the device, stored elsewhere, or nowhere.
 */
record HeldReference(
    String region,
    String shown,
    Taken taken,
    String by,
    String addressSpace,
    Fact.Owner owner,
    Role phase,
    SourceLoc at,
    List<TraceStep> how,
    Fact.Stored stored) {

  /**
   * The reference a fact stands for; null for facts that are not references the code must give
   * back.
   */
  static HeldReference of(Fact f) {
    if (f instanceof Fact.Stored st) {
      HeldReference h = of(st.reference());
      return h == null
          ? null
          : new HeldReference(
              h.region, h.shown, h.taken, h.by, h.addressSpace, h.owner, h.phase, h.at, h.how, st);
    }
    if (f instanceof Fact.Referenced r) {
      return new HeldReference(
          r.region(),
          r.shown(),
          Taken.REF,
          r.by(),
          null,
          r.owner(),
          r.phase(),
          r.at(),
          r.how(),
          null);
    }
    if (f instanceof Fact.Held h) {
      boolean find = h.by() == Fact.HeldBy.FIND;
      return new HeldReference(
          h.region(),
          h.shown(),
          find ? Taken.FIND : Taken.AS_MAP,
          null,
          find ? null : h.addressSpaceShown(),
          Fact.Owner.OTHER,
          h.phase(),
          h.at(),
          h.how(),
          null);
    }
    return null;
  }

  /**
   * Whether giving it back is MR006's business: a reference on the device's own region is an owner
   * cycle (MR001), one on an owner-less region counts nothing.
   */
  boolean foreign() {
    return owner == Fact.Owner.OTHER && !region.startsWith("global:");
  }

  /**
   * The device state holds it: stored into a field of the device, or the region is one of its
   * fields.
   */
  boolean keptByDevice() {
    return Place.isWithin(region, Place.SELF) || stored != null && stored.intoDevice();
  }

  /** Stored anywhere, or handed to code that keeps it: whoever holds it there gives it back. */
  boolean kept() {
    return Place.isWithin(region, Place.SELF) || stored != null;
  }

  /**
   * Whether nothing outside {@code f} can reach the reference once {@code f} returns: it lives in a
   * call result or a local variable of {@code f}. Through a parameter ({@code section->mr} in a
   * listener's region_add) the caller still reaches it and may give it back (in region_del).
   */
  boolean diesWith(Function f) {
    if (region.startsWith("new@")) return true;
    String frame = f.key() + "::";
    if (!region.startsWith(frame)) return false;
    String variable = region.substring(frame.length()).split("\\.", 2)[0];
    return f.params().stream().noneMatch(p -> p.name().equals(variable));
  }

  /**
   * The witness steps up to the reference being taken: the region's init (or a foreign one) and the
   * call.
   */
  Witnesses witness(RegionState s) {
    Witnesses w = new Witnesses(s);
    if (taken != Taken.AS_MAP) w.initOrForeign(region, shown, phase);
    Place held = new Place(region, shown);
    return w.step(
        phase,
        switch (taken) {
          case REF -> new Operation.Ref<>(held, false);
          case FIND -> new Operation.Find<>(held);
          case AS_MAP ->
              new Operation.AddressSpaceMap<>(
                  new Place("as:" + addressSpace, addressSpace), held, null);
        },
        at);
  }

  /**
   * The call that took the reference. The names are part of the findings' fingerprints (MR006):
   * they stay as they are.
   */
  enum Taken {
    REF,
    FIND,
    AS_MAP
  }

  /** How the finding's message names what was taken. */
  String described() {
    return switch (taken) {
      case FIND -> "the reference memory_region_find() returns in " + shown;
      case AS_MAP -> "the mapping address_space_map(" + addressSpace + ") returns in " + shown;
      default ->
          by.equals("memory_region_ref")
              ? "memory_region_ref(" + shown + ")"
              : "the reference " + by + "() takes on " + shown;
    };
  }

  String release() {
    return switch (taken) {
      case FIND -> "memory_region_unref(" + shown + ")";
      case AS_MAP -> "address_space_unmap";
      default -> "memory_region_unref";
    };
  }
}
