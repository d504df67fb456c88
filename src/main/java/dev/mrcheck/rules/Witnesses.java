package dev.mrcheck.rules;

import dev.mrcheck.analysis.DeviceType;
import dev.mrcheck.analysis.Fact;
import dev.mrcheck.analysis.RegionState;
import dev.mrcheck.ir.SourceLoc;
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
    for (Fact.Owned o : state.facts(Fact.Owned.class, region)) {
      steps.add(
          new WitnessStep(
              o.phase(),
              WitnessStep.Kind.INIT,
              o.region(),
              o.shown(),
              null,
              o.ownerShown(),
              o.owner(),
              o.kind(),
              o.at()));
      break;
    }
    return this;
  }

  /**
   * The region's memory_region_init*, or, when the replay never saw one, a region of another
   * object: one the device only points to (a find result, a field set from a property).
   */
  Witnesses initOrForeign(String region, String shown, Role phase) {
    if (!state.facts(Fact.Owned.class, region).isEmpty()) return init(region);
    steps.add(
        new WitnessStep(
            phase,
            WitnessStep.Kind.INIT,
            region,
            shown,
            null,
            "another object",
            Fact.Owner.OTHER,
            RegionKind.CONTAINER,
            null));
    return this;
  }

  Witnesses init(Fact.Owned o) {
    steps.add(
        new WitnessStep(
            o.phase(),
            WitnessStep.Kind.INIT,
            o.region(),
            o.shown(),
            null,
            o.ownerShown(),
            o.owner(),
            o.kind(),
            o.at()));
    return this;
  }

  Witnesses step(
      Role phase,
      WitnessStep.Kind kind,
      String subject,
      String subjectShown,
      String other,
      String otherShown,
      SourceLoc loc) {
    steps.add(
        new WitnessStep(phase, kind, subject, subjectShown, other, otherShown, null, null, loc));
    return this;
  }

  /**
   * A region's init whose owner is wrong; {@code misuse} names the runtime model's {@code
   * Region.Misowning}.
   */
  Witnesses misownedInit(
      Role phase,
      String region,
      String shown,
      String misuse,
      String ownerShown,
      RegionKind kind,
      SourceLoc loc) {
    steps.add(
        new WitnessStep(
            phase,
            WitnessStep.Kind.INIT_MISOWNED,
            region,
            shown,
            misuse,
            ownerShown,
            null,
            kind,
            loc));
    return this;
  }

  Witness build(DeviceType device, Witness.Expectation expected) {
    return new Witness(
        device == null ? null : device.registration().name(),
        device != null && device.hotpluggable(),
        steps,
        expected);
  }
}
