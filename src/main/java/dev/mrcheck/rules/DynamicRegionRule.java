package dev.mrcheck.rules;

import dev.mrcheck.analysis.AnalysisResult;
import dev.mrcheck.analysis.Fact;
import dev.mrcheck.analysis.Observation;
import dev.mrcheck.analysis.OwnerShape;
import dev.mrcheck.analysis.Place;
import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.model.Operand;
import dev.mrcheck.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

@RuleInfo(
    id = "MR010",
    name = "dynamic-region",
    severity = Severity.NOTE,
    summary =
        "A region other than an alias or a container is created or destroyed while its device lives.",
    description =
        "Run-time code (MemoryRegionOps handlers, config-space writes, timers, bottom halves, reset) runs "
            + "between realize and unrealize. Aliases and containers may come and go there (PCI bridge windows, PAM), "
            + "but I/O, RAM, ROM and IOMMU regions are expected to exist from realize to unrealize: creating or "
            + "destroying them at run time races with in-flight accesses and RCU readers, and RAM made at run time "
            + "cannot be migrated. Preallocate the region in realize and map/unmap it (or an alias of it); for RAM "
            + "that really is dynamic, let a wrapper QOM object own it.",
    tags = {"security", "correctness", "external/cwe/cwe-664"},
    securitySeverity = "2.0")
public final class DynamicRegionRule extends Rule {
  @Override
  public void check(AnalysisResult analysis, Consumer<Finding> report) {
    for (Observation o : analysis.observations()) {
      if (o.phase() != null || !analysis.isQdevDevice(o.device()) || o.subject().isUnknown())
        continue;
      if (o.effect() instanceof Operation.Init<Operand> i) {
        Fact.Owner owner = owner(o);
        // Owned by another object: the sanctioned wrapper QOM object whose own lifetime frees the
        // region. Made only where it was still blank ("if (!mr->name)"): created once, lazily, and
        // kept, which is no churn.
        if (i.kind().isTransient() || owner == Fact.Owner.OTHER || o.madeWhereBlank()) continue;
        Fact.Owned made =
            new Fact.Owned(
                o.subject().id(),
                o.subject().shown(),
                owner,
                o.other().shown(),
                i.kind(),
                null,
                o.loc(),
                null,
                false);
        report.accept(finding(o, made, true));
      } else if (destroys(o)) {
        for (Fact.Owned owned : o.before().facts(Fact.Owned.class)) {
          boolean hit =
              o.effect() instanceof Operation.Free
                  ? Place.isWithin(owned.region(), o.subject().id())
                  : owned.region().equals(o.subject().id());
          // memory_region_unref of an owner-less region is a no-op: it is never reference counted.
          if (o.effect() instanceof Operation.Unref && owned.owner() == Fact.Owner.NONE)
            hit = false;
          if (hit && !owned.kind().isTransient() && owned.owner() != Fact.Owner.OTHER) {
            report.accept(finding(o, owned, false));
            break;
          }
        }
      }
    }
  }

  private static Fact.Owner owner(Observation o) {
    if (o.other() == null || o.other().isNull()) return Fact.Owner.NONE;
    return switch (o.ownerShape() == null ? OwnerShape.UNKNOWN : o.ownerShape()) {
      // A device, but maybe not this one: a hotplug handler's plug makes regions owned by the
      // device being plugged, which follow that device's lifecycle. A child embedded in this
      // device (self.source) lives as long as it does, so it counts as this device.
      case DEVICE -> withinSelf(o.other()) ? Fact.Owner.SELF : Fact.Owner.OTHER;
      case NULL_POINTER, ZERO_LITERAL -> Fact.Owner.NONE;
      default -> Fact.Owner.OTHER;
    };
  }

  private static boolean withinSelf(Place owner) {
    return owner.id().equals(Place.SELF) || owner.id().startsWith(Place.SELF + ".");
  }

  /**
   * object_unparent, g_free of the region or its heap struct, or the unref that drops the region's
   * own reference (of an owned region: an owner-less one is not reference counted).
   */
  private static boolean destroys(Observation o) {
    return o.effect() instanceof Operation.Unparent
        || o.effect() instanceof Operation.Free
        || o.effect() instanceof Operation.Unref
            && o.before().facts(Fact.Referenced.class, o.subject().id()).isEmpty();
  }

  private Finding finding(Observation o, Fact.Owned region, boolean created) {
    String what = created ? "created" : "destroyed";
    String message =
        String.format(
            "%s region %s is %s at run time (%s() is no lifecycle hook of %s): only aliases "
                + "and containers should come and go while the device lives; preallocate it in realize",
            region.kind().modelName(),
            region.shown(),
            what,
            o.chain().isEmpty() ? o.function() : rootOf(o),
            o.device().registration().name());
    List<TraceStep> trace = new ArrayList<>();
    if (!created) trace.add(new TraceStep(region.at(), region.shown() + " created here"));
    trace.addAll(Findings.chainTo(o, what + " here, in run-time code"));
    Witnesses w = new Witnesses(o.before()).init(region);
    if (!created) {
      w.step(
          null,
          o.effect() instanceof Operation.Free
              ? new Operation.Free<>(o.subject(), false, false)
              : new Operation.Unparent<>(o.subject()),
          o.loc());
    }
    return Findings.at(this, o, message, trace)
        .withWitness(w.build(o.device(), Witness.Expectation.DYNAMIC_REGION));
  }

  /** The run-time root: the first function of the call chain. */
  private static String rootOf(Observation o) {
    String first = o.chain().get(0).message();
    int end = first.indexOf("()");
    return end > 0 ? first.substring(0, end) : o.function();
  }
}
