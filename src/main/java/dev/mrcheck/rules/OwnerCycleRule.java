package dev.mrcheck.rules;

import dev.mrcheck.analysis.AnalysisResult;
import dev.mrcheck.analysis.Checkpoint;
import dev.mrcheck.analysis.Fact;
import dev.mrcheck.analysis.Place;
import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

@RuleInfo(
    id = "MR001",
    name = "owner-cycle",
    severity = Severity.ERROR,
    summary = "The owner keeps a reference to itself through one of its own regions.",
    description =
        "A reference on a MemoryRegion is a reference on its owner (or, under the refcount series, a "
            + "reference the region holds on its owner). A memory_region_ref() of the device's own region with no "
            + "unref before teardown, an address_space_init() over its own root not destroyed at unrealize, or "
            + "(legacy semantics) a same-owner subregion left in its container keeps the device alive forever. "
            + "Release at unrealize: a release in instance_finalize never runs, since finalize waits for that very "
            + "reference.",
    tags = {"security", "correctness", "external/cwe/cwe-401"},
    securitySeverity = "4.0")
public final class OwnerCycleRule extends Rule {
  @Override
  public void check(AnalysisResult analysis, Consumer<Finding> report) {
    for (Checkpoint cp : analysis.checkpoints()) {
      for (Fact f : cp.state().facts()) {
        if (!bornBefore(f, cp.after())) continue;
        Witnesses w = new Witnesses(cp.state());
        if (f instanceof Fact.Referenced r && r.owner() == Fact.Owner.SELF) {
          w.init(r.region(), Fact.Owner.SELF)
              .step(
                  r.phase(), new Operation.Ref<>(new Place(r.region(), r.shown()), false), r.at());
          report.accept(
              finding(
                  cp,
                  w,
                  r.at(),
                  r.how(),
                  String.format(
                      "memory_region_ref(%s) takes a reference on %s's own region that is not dropped before %s: "
                          + "owner cycle, the device is never finalized",
                      r.shown(), deviceName(cp), teardown(cp)),
                  r.shown()));
        } else if (f instanceof Fact.AddressSpaceLive a && a.rootOwner() == Fact.Owner.SELF) {
          w.init(a.region())
              .step(
                  a.phase(),
                  new Operation.AddressSpaceInit<>(
                      new Place(a.addressSpace(), a.addressSpaceShown()),
                      new Place(a.region(), a.shown())),
                  a.at());
          report.accept(
              finding(
                  cp,
                  w,
                  a.at(),
                  a.how(),
                  String.format(
                      "address_space_init(%s) over %s's own region %s is not destroyed before %s: the address space "
                          + "keeps its owner alive (owner cycle)",
                      a.addressSpaceShown(), deviceName(cp), a.shown(), teardown(cp)),
                  a.addressSpaceShown()));
        } else if (f instanceof Fact.Mapped m
            && analysis.semantics() == Semantics.LEGACY
            && m.liveUnder(analysis.semantics())
            && m.regionOwner() == Fact.Owner.SELF
            && m.containerOwner() == Fact.Owner.SELF) {
          w.init(m.region())
              .init(m.container())
              .step(
                  m.phase(),
                  new Operation.Map<>(
                      new Place(m.region(), m.shown()),
                      new Place(m.container(), m.containerShown()),
                      null),
                  m.at());
          report.accept(
              finding(
                  cp,
                  w,
                  m.at(),
                  m.how(),
                  String.format(
                      "%s stays a subregion of %s, both owned by %s, after %s: under legacy semantics the container "
                          + "references the owner (owner cycle)",
                      m.shown(), m.containerShown(), deviceName(cp), teardown(cp)),
                  m.shown()));
        }
      }
    }
  }

  /**
   * Facts from the phases before the checkpoint; unrealize-born facts do not exist at the init
   * checkpoint.
   */
  private static boolean bornBefore(Fact f, Role checkpoint) {
    Role born =
        f instanceof Fact.Referenced r
            ? r.phase()
            : f instanceof Fact.AddressSpaceLive a
                ? a.phase()
                : f instanceof Fact.Mapped m ? m.phase() : null;
    return Teardown.bornBefore(born, checkpoint);
  }

  private static String deviceName(Checkpoint cp) {
    return cp.device().registration().name();
  }

  private static String teardown(Checkpoint cp) {
    if (cp.after() == Role.INSTANCE_INIT) return "instance_finalize of a throw-away instance";
    return cp.after() == Role.REALIZE ? "a failing realize returns" : "unrealize";
  }

  private Finding finding(
      Checkpoint cp,
      Witnesses witness,
      SourceLoc at,
      List<TraceStep> how,
      String message,
      String subject) {
    List<TraceStep> trace = new ArrayList<>(how);
    trace.add(new TraceStep(at, "reference taken here"));
    trace.add(new TraceStep(cp.device().registration().loc(), cp.why()));
    return Findings.create(
            this, at, cp.device().registration().name(), subject + "|" + cp.after(), message, trace)
        .withWitness(witness.build(cp.device(), Witness.Expectation.OWNER_LEAK));
  }
}
