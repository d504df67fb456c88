package dev.mrcheck.rules;

import dev.mrcheck.analysis.AnalysisResult;
import dev.mrcheck.analysis.Checkpoint;
import dev.mrcheck.analysis.Fact;
import dev.mrcheck.analysis.Ownership;
import dev.mrcheck.analysis.Place;
import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

@RuleInfo(
    id = "MR005",
    name = "foreign-container-leak",
    severity = Severity.ERROR,
    summary =
        "A hot-pluggable device maps its region into a container it does not own and never unmaps it at unrealize.",
    description =
        "When a device's region is a subregion of a container owned by someone else (system memory, the "
            + "I/O space, a bus address space, another device's region), the container references the device. If no "
            + "unrealize/exit path deletes the subregion, the device stays alive after hot-unplug and its region stays "
            + "visible to the guest. Call memory_region_del_subregion() in unrealize/exit. BARs registered with "
            + "pci_register_bar are unmapped by the PCI core and are not reported.",
    tags = {"security", "correctness", "external/cwe/cwe-416"},
    securitySeverity = "7.5")
public final class ForeignContainerLeakRule extends Rule {
  @Override
  public void check(AnalysisResult analysis, Consumer<Finding> report) {
    // Under the refcount series qdev itself deletes a device's regions from their containers after
    // unrealize.
    if (analysis.semantics() == Semantics.REFCOUNT) return;
    for (Checkpoint cp : analysis.checkpoints()) {
      // After unrealize, or where a hot-pluggable device's realize fails (qdev drops it without
      // unrealize).
      if (cp.after() != Role.UNREALIZE && cp.after() != Role.REALIZE) continue;
      for (Fact.Mapped m : cp.state().facts(Fact.Mapped.class)) {
        if (m.phase() != Role.INSTANCE_INIT && m.phase() != Role.REALIZE) continue;
        if (!Ownership.mapsOwnRegionIntoForeignContainer(cp.state(), m, analysis.semantics())
            || finalizedByItsUnparent(cp, m)) continue;
        report.accept(finding(cp, m));
      }
    }
  }

  /**
   * Unparented while mapped (MR002 reports that: QEMU aborts) and finalized by it, in a container
   * the program unparented too: had QEMU gone on, both would be gone and nothing would be left
   * mapped. (In a container the program keeps, the mapping was never undone: that stays this rule's
   * finding.)
   */
  private static boolean finalizedByItsUnparent(Checkpoint cp, Fact.Mapped m) {
    if (!m.regionUnparented() || cp.state().facts(Fact.Unparented.class, m.container()).isEmpty())
      return false;
    return cp.state().everyUnparent(m.region(), Fact.Unparented::finalized);
  }

  private Finding finding(Checkpoint cp, Fact.Mapped m) {
    String device = cp.device().registration().name();
    String message =
        cp.after() == Role.REALIZE
            ? String.format(
                "%s is mapped into %s, which %s does not own, and a failing realize returns without "
                    + "unmapping it: the container keeps the dropped device alive and the region visible",
                m.shown(), m.containerShown(), device)
            : String.format(
                "%s is mapped into %s, which %s does not own, and no unrealize path unmaps it: "
                    + "after hot-unplug the container keeps the device alive and the region visible",
                m.shown(), m.containerShown(), device);
    List<TraceStep> trace = new ArrayList<>(m.how());
    trace.add(new TraceStep(m.at(), m.shown() + " mapped into " + m.containerShown() + " here"));
    trace.add(new TraceStep(cp.device().registration().loc(), cp.why()));
    // The container's own init too: whether it references the region's owner depends on its owner.
    Witness w =
        new Witnesses(cp.state())
            .init(m.region())
            .init(m.container())
            .step(
                m.phase(),
                new Operation.Map<>(
                    new Place(m.region(), m.shown()),
                    new Place(m.container(), m.containerShown()),
                    null),
                m.at())
            .build(cp.device(), Witness.Expectation.OWNER_LEAK);
    return Findings.create(
            this, m.at(), device, m.shown() + "|" + m.containerShown(), message, trace)
        .withWitness(w);
  }
}
