package dev.mrcheck.rules;

import dev.mrcheck.analysis.AnalysisResult;
import dev.mrcheck.analysis.Fact;
import dev.mrcheck.analysis.Observation;
import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

@RuleInfo(
    id = "MR004",
    name = "unparent-in-finalize",
    severity = Severity.WARNING,
    summary = "A memory API call from instance_finalize on a region the finalized object owns.",
    description =
        "QOM drops an object's child properties before it calls instance_finalize, so the device's own "
            + "regions are already finalized there (same-owner subregions auto-detached). object_unparent() on them is "
            + "a latent no-op (warning); memory_region_del_subregion(), memory_region_ref/unref() or any other call on "
            + "them is a use after finalization (error). Move the call to unrealize/exit, or drop it; freeing the heap "
            + "struct that held the regions (g_free) is the correct finalize pattern and is never reported.",
    tags = {"security", "correctness", "external/cwe/cwe-416"},
    securitySeverity = "5.0")
public final class FinalizeMisuseRule extends Rule {
  @Override
  public void check(AnalysisResult analysis, Consumer<Finding> report) {
    for (Observation o : analysis.observations()) {
      if (o.phase() != Role.INSTANCE_FINALIZE || o.effect() instanceof Operation.Free) continue;
      if (o.effect() instanceof Operation.Init) continue;
      List<Fact.Owned> owned = o.before().facts(Fact.Owned.class, o.subject().id());
      if (ownedBySelf(owned)) {
        report.accept(finding(o, owned.get(0)));
        continue;
      }
      // Adding to, or deleting from, a container of the device is the same use after finalization,
      // whoever owns the subregion.
      if (o.other() != null
          && (o.effect() instanceof Operation.Map || o.effect() instanceof Operation.Unmap)) {
        List<Fact.Owned> container = o.before().facts(Fact.Owned.class, o.other().id());
        if (ownedBySelf(container)) report.accept(finding(o, container.get(0)));
      }
    }
  }

  private static boolean ownedBySelf(List<Fact.Owned> owned) {
    return !owned.isEmpty() && owned.stream().allMatch(f -> f.owner() == Fact.Owner.SELF);
  }

  private Finding finding(Observation o, Fact.Owned owned) {
    boolean unparent = o.effect() instanceof Operation.Unparent;
    String message =
        unparent
            ? String.format(
                "object_unparent(%s) in instance_finalize is a no-op: the region, owned by the object being "
                    + "finalized, was already dropped with its child properties",
                o.subject().shown())
            : String.format(
                "%s(%s) in instance_finalize uses a region that was finalized with the object's child "
                    + "properties before instance_finalize ran",
                o.callee(), o.subject().shown());
    List<TraceStep> trace = new ArrayList<>();
    trace.add(new TraceStep(owned.at(), owned.shown() + " created here, owned by the device"));
    trace.addAll(
        Findings.chainTo(
            o, unparent ? "unparented in instance_finalize" : "used in instance_finalize"));
    Witness w =
        new Witnesses(o.before())
            .init(owned)
            .step(Role.INSTANCE_FINALIZE, FinalizeUse.of(o), o.loc())
            .build(o.device(), Witness.Expectation.USE_AFTER_FINALIZE);
    Finding f = Findings.at(this, o, message, trace).withWitness(w);
    return unparent ? f : f.withSeverity(Severity.ERROR);
  }
}
