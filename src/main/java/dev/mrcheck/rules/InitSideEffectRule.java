package dev.mrcheck.rules;

import dev.mrcheck.analysis.AnalysisResult;
import dev.mrcheck.analysis.Checkpoint;
import dev.mrcheck.analysis.Fact;
import dev.mrcheck.analysis.Observation;
import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

@RuleInfo(
    id = "MR008",
    name = "init-side-effect",
    severity = Severity.ERROR,
    summary =
        "instance_init leaves a trace outside the object: address_space_init, mapping into a foreign container, "
            + "or registering with a bus or IOMMU.",
    description =
        "instance_init also runs for throw-away instances that QEMU creates only to list a type's "
            + "properties, and those are finalized right away. Anything instance_init makes visible outside the "
            + "object (an address space, a region mapped into system memory, a bus space or another object's "
            + "container) then outlives the instance, and the reference it holds keeps the instance alive; a bus or "
            + "IOMMU registration keeps a pointer to a freed instance. Create "
            + "regions in instance_init if you like; map them and create address spaces in realize.",
    tags = {"security", "correctness", "external/cwe/cwe-401"},
    securitySeverity = "4.0")
public final class InitSideEffectRule extends Rule {
  @Override
  public void check(AnalysisResult analysis, Consumer<Finding> report) {
    for (Observation o : analysis.observations()) {
      if (o.phase() != Role.INSTANCE_INIT || undoneInInit(analysis, o)) continue;
      if (o.effect() instanceof Operation.AddressSpaceInit) {
        String message =
            String.format(
                "address_space_init(%s) in instance_init: a throw-away instance "
                    + "made to list properties leaves it, and what its root keeps alive, behind; create it in realize",
                o.subject().shown());
        // Over a foreign root nothing leaks in the model: the harm is a listed address space in
        // freed storage.
        report.accept(ownRoot(o) ? finding(o, message) : unwitnessed(o, message));
      } else if (o.effect() instanceof Operation.Registers) {
        String with =
            o.other() == null || o.other().isUnknown() ? "another object" : o.other().shown();
        report.accept(
            unwitnessed(
                o,
                String.format(
                    "%s() in instance_init hands %s to %s: a throw-away "
                        + "instance made to list properties is finalized while still registered; register in realize",
                    o.callee(), o.subject().shown(), with)));
      } else if (o.effect() instanceof Operation.Map
          && o.other() != null
          && !o.other().isUnknown()
          && foreign(o)) {
        report.accept(
            finding(
                o,
                String.format(
                    "%s is mapped into %s, which the object does not own, in "
                        + "instance_init: a throw-away instance stays mapped (and alive); map it in realize",
                    o.subject().shown(), o.other().shown())));
      }
    }
  }

  /**
   * instance_init itself deletes the mapping or destroys the address space before it returns: the
   * throw-away instance leaves nothing behind. Read from the state where instance_init ends.
   */
  private static boolean undoneInInit(AnalysisResult analysis, Observation o) {
    // A registration leaves no fact to look for; only mappings and address spaces can be undone.
    if (!(o.effect() instanceof Operation.Map)
        && !(o.effect() instanceof Operation.AddressSpaceInit)) return false;
    for (Checkpoint cp : analysis.checkpoints()) {
      if (cp.after() != Role.INSTANCE_INIT
          || o.device() == null
          || !cp.device().name().equals(o.device().name())) continue;
      for (Fact f : cp.state().facts()) {
        if (f instanceof Fact.Mapped m
            && m.at().equals(o.loc())
            && m.liveUnder(analysis.semantics())) return false;
        if (f instanceof Fact.AddressSpaceLive a && a.at().equals(o.loc())) return false;
      }
      return true;
    }
    return false;
  }

  /**
   * A container the device did not create with itself as owner: system memory, a bus space, another
   * object's region.
   */
  private static boolean foreign(Observation o) {
    if (o.other().isGlobalRegion()) return true;
    List<Fact.Owned> owned = o.before().facts(Fact.Owned.class, o.other().id());
    return !owned.isEmpty() && owned.stream().noneMatch(f -> f.owner() == Fact.Owner.SELF);
  }

  private static boolean ownRoot(Observation o) {
    return o.other() != null
        && o.before().facts(Fact.Owned.class, o.other().id()).stream()
            .anyMatch(f -> f.owner() == Fact.Owner.SELF);
  }

  /**
   * No witness: the runtime model has regions and references, not the pointers a bus or a list
   * keeps.
   */
  private Finding unwitnessed(Observation o, String message) {
    return Findings.at(this, o, message, Findings.chainTo(o, "in instance_init"));
  }

  private Finding finding(Observation o, String message) {
    List<TraceStep> trace = new ArrayList<>(Findings.chainTo(o, "in instance_init"));
    Witnesses w = new Witnesses(o.before());
    if (o.effect() instanceof Operation.AddressSpaceInit) {
      w.init(o.other().id())
          .step(
              Role.INSTANCE_INIT,
              new Operation.AddressSpaceInit<>(o.subject(), o.other()),
              o.loc());
    } else {
      w.init(o.subject().id())
          .init(o.other().id())
          .step(Role.INSTANCE_INIT, new Operation.Map<>(o.subject(), o.other(), null), o.loc());
    }
    // A throw-away instance is finalized right after instance_init: what it left behind keeps it
    // alive.
    return Findings.at(this, o, message, trace)
        .withWitness(w.build(o.device(), Witness.Expectation.OWNER_LEAK));
  }
}
