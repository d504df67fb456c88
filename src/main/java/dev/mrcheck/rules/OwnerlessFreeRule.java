package dev.mrcheck.rules;

import dev.mrcheck.analysis.AnalysisResult;
import dev.mrcheck.analysis.Fact;
import dev.mrcheck.analysis.Observation;
import dev.mrcheck.analysis.Place;
import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

@RuleInfo(
    id = "MR003",
    name = "ownerless-free",
    severity = Severity.ERROR,
    summary =
        "Unparenting or freeing a region created with owner NULL that is not an alias or a container, "
            + "also implicitly: a named one embedded in the state of a device that can be unplugged.",
    description =
        "A MemoryRegion initialized with a NULL owner belongs to the machine: it is never reference "
            + "counted, so nothing keeps it alive while the memory core, an address space or an in-flight access "
            + "still uses it. Such regions must live forever. Give the region an owner (the device, or a wrapper "
            + "QOM object for dynamic RAM), or never free it. Owner-less aliases and containers may be destroyed. "
            + "The free may be implicit: after instance_finalize QOM frees the instance storage, so a named owner-less "
            + "region embedded in the state of a device that can be unplugged dies then, while /machine/unattached "
            + "still holds it (reported at its init).",
    tags = {"security", "correctness", "external/cwe/cwe-416"},
    securitySeverity = "7.0")
public final class OwnerlessFreeRule extends Rule {
  static final Set<String> OWNER_UNREFS = Set.of("memory_region_unref", "MemoryRegion.unref");

  @Override
  public void check(AnalysisResult analysis, Consumer<Finding> report) {
    for (Observation o : analysis.observations()) {
      if (o.subject().isUnknown() || o.subject().isNull()) continue;
      // An unref that balances no ref drops the region's own reference: object_unref(OBJECT(mr)).
      // memory_region_unref(mr) (the Java facade's MemoryRegion.unref) only unrefs mr->owner, which
      // an owner-less region does not have.
      boolean unparent =
          o.effect() instanceof Operation.Unparent
              || o.effect() instanceof Operation.Unref
                  && !OWNER_UNREFS.contains(o.callee())
                  && o.before().facts(Fact.Referenced.class, o.subject().id()).isEmpty();
      if (!unparent && !(o.effect() instanceof Operation.Free)) continue;
      List<Fact.Owned> destroyed = new ArrayList<>();
      for (Fact.Owned owned : o.before().facts(Fact.Owned.class)) {
        boolean hit =
            unparent
                ? owned.region().equals(o.subject().id())
                : Place.isWithin(owned.region(), o.subject().id());
        if (hit) destroyed.add(owned);
      }
      // On some path reaching the call the region is an owner-less one that must live forever: the
      // state before instance_finalize joins the device's life with and without unrealize, which
      // may
      // have made the region anew with another owner.
      destroyed.stream()
          .filter(f -> f.owner() == Fact.Owner.NONE && !f.kind().isTransient())
          .findFirst()
          .ifPresent(first -> report.accept(finding(o, first, unparent)));
    }
    InstanceStorageFree.check(this, analysis, report);
  }

  private Finding finding(Observation o, Fact.Owned owned, boolean unparent) {
    String what = o.callee() + "(" + o.subject().shown() + ")";
    String region = owned.region().equals(o.subject().id()) ? "" : " containing " + owned.shown();
    String message =
        String.format(
            "%s destroys a%s %s region created with owner NULL at %s: owner-less regions are not reference counted",
            what, region, owned.kind().modelName(), Findings.where(owned.at()));
    List<TraceStep> trace = new ArrayList<>();
    trace.add(new TraceStep(owned.at(), owned.shown() + " created with owner NULL here"));
    trace.addAll(Findings.chainTo(o, unparent ? "dropped here" : "freed here"));
    Witness w =
        new Witnesses(o.before())
            .init(owned)
            .step(
                o.phase(),
                unparent
                    ? new Operation.Unparent<>(o.subject())
                    : new Operation.Free<>(o.subject(), false, false),
                o.loc())
            .build(o.device(), Witness.Expectation.OWNERLESS_DESTROYED);
    return Findings.at(this, o, message, trace).withWitness(w);
  }
}
