package dev.mrcheck.rules;

import dev.mrcheck.analysis.DeviceType;
import dev.mrcheck.analysis.Fact;
import dev.mrcheck.analysis.Place;
import dev.mrcheck.analysis.RegionState;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Misowning;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import java.util.ArrayList;
import java.util.List;

/** Builds a finding's witness from the facts the rule matched, in lifecycle order. */
final class Witnesses {
  private final List<WitnessStep> steps = new ArrayList<>();
  private final RegionState state;

  Witnesses(RegionState state) {
    this.state = state;
  }

  /** The region's memory_region_init*, if the replay saw it. */
  Witnesses init(String region) {
    for (Fact.Owned o : state.facts(Fact.Owned.class, region)) return init(o);
    return this;
  }

  /**
   * The region's memory_region_init* with {@code owner}, where paths gave the region different
   * owners and the finding is about one of them; else its first one.
   */
  Witnesses init(String region, Fact.Owner owner) {
    for (Fact.Owned o : state.facts(Fact.Owned.class, region)) {
      if (o.owner() == owner) return init(o);
    }
    return init(region);
  }

  /**
   * The region's memory_region_init*, or, when the replay never saw one, a region of another
   * object: one the device only points to (a find result, a field set from a property).
   */
  Witnesses initOrForeign(String region, String shown, Role phase) {
    if (!state.facts(Fact.Owned.class, region).isEmpty()) return init(region, Fact.Owner.OTHER);
    steps.add(
        new WitnessStep(
            phase,
            new Operation.Init<>(
                new Place(region, shown), shownOnly("another object"), RegionKind.CONTAINER, null),
            Fact.Owner.OTHER,
            null));
    return this;
  }

  Witnesses init(Fact.Owned o) {
    steps.add(
        new WitnessStep(
            o.phase(),
            new Operation.Init<>(
                new Place(o.region(), o.shown()), shownOnly(o.ownerShown()), o.kind(), null),
            o.owner(),
            o.at()));
    return this;
  }

  Witnesses step(Role phase, Operation<Place> operation, SourceLoc loc) {
    steps.add(new WitnessStep(phase, operation, loc));
    return this;
  }

  /** A region's init whose owner is wrong, as {@code misuse} says. */
  Witnesses misownedInit(
      Role phase,
      Place region,
      Misowning misuse,
      String ownerShown,
      RegionKind kind,
      SourceLoc loc) {
    steps.add(
        new WitnessStep(
            phase, new Operation.InitMisowned<>(region, shownOnly(ownerShown), kind, misuse), loc));
    return this;
  }

  /**
   * An operand the witness knows only by its spelling (an init's owner: the facts classify it, they
   * do not name it); null when there is no spelling either.
   */
  static Place shownOnly(String shown) {
    return shown == null ? null : new Place(Place.UNKNOWN.id(), shown);
  }

  Witness build(DeviceType device, Witness.Expectation expected) {
    return new Witness(
        device == null ? null : device.registration().name(),
        device != null && device.hotpluggable(),
        steps,
        expected);
  }
}
