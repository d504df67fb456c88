package dev.mrcheck.rules;

import dev.mrcheck.analysis.AnalysisResult;
import dev.mrcheck.analysis.Fact;
import dev.mrcheck.analysis.Observation;
import dev.mrcheck.analysis.Place;
import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

@RuleInfo(
    id = "MR002",
    name = "unparent-while-mapped",
    severity = Severity.ERROR,
    summary = "object_unparent() of a region that may still be mapped in a container.",
    description =
        "object_unparent() drops the owner's reference to a MemoryRegion; if the region is still a "
            + "subregion of a container (or the root of an address space) on some path to the call, it can be "
            + "finalized while the container still points at it. Call memory_region_del_subregion() on the same "
            + "container first, on every path, including error paths.",
    tags = {"security", "correctness", "external/cwe/cwe-416"},
    securitySeverity = "7.5")
public final class UnparentWhileMappedRule extends Rule {
  @Override
  public void check(AnalysisResult analysis, Consumer<Finding> report) {
    for (Observation o : analysis.observations()) {
      if (!(o.effect() instanceof Operation.Unparent)) continue;
      String region = o.subject().id();
      // In instance_finalize the device's own regions are already gone (MR004's business); an
      // owner-less
      // region or another object's is not, and its unparent really finalizes it: on a path where
      // the
      // region has another owner (re-initialized owner-less in unrealize), the unparent is judged
      // here.
      boolean finalizing = o.phase() == Role.INSTANCE_FINALIZE;
      if (finalizing && ownedBySelfOnEveryPath(o, region)) continue;
      // Unparented already on every path: its parent is NULL, and object_unparent() does nothing
      // (it tests
      // obj->parent), whatever still maps the region or has it as an address space's root.
      if (unparentedOnEveryPath(o, region)) continue;
      // Where the paths gave the region different owners (the device's on the path that mapped
      // it, none on another), a mapping or an address space made while it was the device's is
      // gone with the child properties on that path, as above.
      List<Fact.Mapped> mappings = new ArrayList<>();
      for (Fact.Mapped m : o.before().facts(Fact.Mapped.class, region)) {
        // Framework-managed mappings (PCI BARs, VGA windows) are made after realize and undone
        // before
        // unrealize: lifecycle code never sees them mapped, only run-time code does.
        if (m.undoneBefore() != null && o.phase() != null) continue;
        if (!m.liveUnder(analysis.semantics()) || m.regionUnparented()) continue;
        if (finalizing && m.regionOwner() == Fact.Owner.SELF) continue;
        mappings.add(m);
      }
      if (!mappings.isEmpty()) {
        mappings.sort(Comparator.comparing(Fact.Mapped::at));
        report.accept(mapped(o, mappings.get(0)));
        continue;
      }
      List<Fact.AddressSpaceLive> roots = new ArrayList<>();
      for (Fact.AddressSpaceLive a : o.before().facts(Fact.AddressSpaceLive.class, region)) {
        if (!(finalizing && a.rootOwner() == Fact.Owner.SELF)) roots.add(a);
      }
      if (!roots.isEmpty()) report.accept(root(o, roots.get(0)));
    }
  }

  private static boolean ownedBySelfOnEveryPath(Observation o, String region) {
    List<Fact.Owned> owned = o.before().facts(Fact.Owned.class, region);
    return owned.isEmpty() || owned.stream().allMatch(f -> f.owner() == Fact.Owner.SELF);
  }

  private static boolean unparentedOnEveryPath(Observation o, String region) {
    return o.before().facts(Fact.Owned.class, region).isEmpty()
        && o.before().everyUnparent(region, u -> true);
  }

  private Finding mapped(Observation o, Fact.Mapped m) {
    String message =
        String.format(
            "object_unparent(%s) while it may still be mapped in %s: no memory_region_del_subregion() on some path "
                + "from the memory_region_add_subregion() at %s",
            o.subject().shown(), m.containerShown(), Findings.where(m.at()));
    List<TraceStep> trace = new ArrayList<>(m.how());
    trace.add(
        new TraceStep(
            m.at(),
            String.format(
                "%s mapped into %s here (%s)",
                m.shown(),
                m.containerShown(),
                m.phase() == null ? "run-time code" : m.phase().modelName())));
    trace.addAll(Findings.chainTo(o, "unparented here, still mapped (" + o.phaseName() + ")"));
    Witness w =
        new Witnesses(o.before())
            .init(m.region())
            .init(m.container())
            .step(
                m.phase(),
                new Operation.Map<>(
                    new Place(m.region(), m.shown()),
                    new Place(m.container(), m.containerShown()),
                    null),
                m.at())
            .step(o.phase(), new Operation.Unparent<>(o.subject()), o.loc())
            .build(o.device(), Witness.Expectation.FINALIZED_WHILE_MAPPED);
    return Findings.at(this, o, message, trace).withWitness(w);
  }

  private Finding root(Observation o, Fact.AddressSpaceLive as) {
    String message =
        String.format(
            "object_unparent(%s) while it may still be the root of address space %s (address_space_init at %s); "
                + "destroy the address space first",
            o.subject().shown(), as.addressSpaceShown(), Findings.where(as.at()));
    List<TraceStep> trace = new ArrayList<>(as.how());
    trace.add(
        new TraceStep(
            as.at(), "address space " + as.addressSpaceShown() + " created over " + as.shown()));
    trace.addAll(Findings.chainTo(o, "unparented here while the address space is live"));
    Witness w =
        new Witnesses(o.before())
            .init(as.region())
            .step(
                as.phase(),
                new Operation.AddressSpaceInit<>(
                    new Place(as.addressSpace(), as.addressSpaceShown()),
                    new Place(as.region(), as.shown())),
                as.at())
            .step(o.phase(), new Operation.Unparent<>(o.subject()), o.loc())
            .build(o.device(), Witness.Expectation.FINALIZED_WHILE_MAPPED);
    return Findings.at(this, o, message, trace).withWitness(w);
  }
}
