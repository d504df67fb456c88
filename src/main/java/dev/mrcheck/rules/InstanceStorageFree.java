package dev.mrcheck.rules;

import dev.mrcheck.analysis.AnalysisResult;
import dev.mrcheck.analysis.Checkpoint;
import dev.mrcheck.analysis.DeviceType;
import dev.mrcheck.analysis.Fact;
import dev.mrcheck.analysis.Observation;
import dev.mrcheck.analysis.Place;
import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * MR003's implicit free: after instance_finalize QOM frees a device's instance storage, and a named
 * region with owner NULL embedded in it dies then, while {@code /machine/unattached} still holds it
 * as a child and nothing counts references on it. Only devices that can be unplugged get there
 * (boards and SoC parts live as long as the machine); aliases and containers may die at any time; a
 * heap region is not in the instance storage; an unnamed region is no child property.
 */
final class InstanceStorageFree {
  private InstanceStorageFree() {}

  static void check(Rule rule, AnalysisResult analysis, Consumer<Finding> report) {
    for (Checkpoint cp : analysis.checkpoints()) {
      if (cp.after() != Role.UNREALIZE || !cp.device().hotpluggable()) continue;
      for (Fact.Owned owned : cp.state().facts(Fact.Owned.class)) {
        if (!dies(analysis, cp, owned)) continue;
        Observation init = initOf(analysis, owned);
        if (init != null) report.accept(finding(rule, cp, owned, init));
      }
    }
  }

  private static boolean dies(AnalysisResult analysis, Checkpoint cp, Fact.Owned owned) {
    if (owned.owner() != Fact.Owner.NONE || owned.kind().isTransient() || owned.aliasOf() != null)
      return false;
    if (!analysis.instanceStorage().embedded(cp.device(), owned.region())) return false;
    if (!analysis.instanceStorage().named(owned.at())) return false;
    // An explicit unparent or free of the region is its own MR003 finding, at that call.
    if (!cp.state().facts(Fact.Unparented.class, owned.region()).isEmpty()) return false;
    return cp.finalizeEffects().stream().noneMatch(o -> destroys(o, owned.region()));
  }

  /**
   * instance_finalize unparents or frees the region itself (memory_region_unref of it does
   * nothing).
   */
  private static boolean destroys(Observation o, String region) {
    if (o.subject().isUnknown() || o.subject().isNull()) return false;
    if (o.effect() instanceof Operation.Free) return Place.isWithin(region, o.subject().id());
    return region.equals(o.subject().id())
        && (o.effect() instanceof Operation.Unparent
            || o.effect() instanceof Operation.Unref
                && !OwnerlessFreeRule.OWNER_UNREFS.contains(o.callee()));
  }

  /**
   * The replayed init that left {@code owned}: where the finding is reported, with its call chain.
   */
  private static Observation initOf(AnalysisResult analysis, Fact.Owned owned) {
    for (Observation o : analysis.observations()) {
      if (o.effect() instanceof Operation.Init
          && o.loc().equals(owned.at())
          && o.subject().id().equals(owned.region())) {
        return o;
      }
    }
    return null;
  }

  private static Finding finding(Rule rule, Checkpoint cp, Fact.Owned owned, Observation init) {
    DeviceType d = cp.device();
    String type = d.registration().name();
    String message =
        String.format(
            "%s region %s is created with owner NULL inside the instance storage of %s, "
                + "which QOM frees after instance_finalize when the device is unplugged: /machine/unattached still holds "
                + "the region and nothing counts references on it; pass OBJECT(...) of the device as owner",
            owned.kind().modelName(), owned.shown(), type);
    List<TraceStep> trace =
        new ArrayList<>(
            Findings.chainTo(
                init,
                owned.shown()
                    + " created with owner NULL here ("
                    + init.phaseName()
                    + "), a child of /machine/unattached"));
    trace.add(
        new TraceStep(
            cp.device().registration().loc(),
            type + " can be unplugged (" + d.hotplugReason() + ")"));
    trace.add(
        new TraceStep(
            cp.device().registration().loc(),
            "after instance_finalize QOM frees the "
                + d.instanceStruct()
                + " of "
                + type
                + ", and "
                + owned.shown()
                + " in it"));
    Witness w =
        new Witnesses(cp.state()).init(owned).build(d, Witness.Expectation.OWNERLESS_DESTROYED);
    return Findings.create(
            rule, owned.at(), init.function(), owned.shown() + "|instance storage", message, trace)
        .withWitness(w);
  }
}
