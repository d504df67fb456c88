package dev.mrcheck.rules;

import dev.mrcheck.analysis.AnalysisResult;
import dev.mrcheck.analysis.Fact;
import dev.mrcheck.analysis.FreeHookOverride;
import dev.mrcheck.analysis.Observation;
import dev.mrcheck.analysis.OwnerShape;
import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.model.Misowning;
import dev.mrcheck.model.Operand;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.RegionKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

@RuleInfo(
    id = "MR009",
    name = "owner-misuse",
    severity = Severity.ERROR,
    summary =
        "A region whose owner is itself, no QOM object, or not a device where QEMU requires one; or a "
            + "region with its own free function.",
    description =
        "A region's owner decides its lifetime, its QOM path and, for migratable RAM, its migration name. "
            + "A region that owns itself (OBJECT(mr), or OBJECT(p) of a plain struct whose first member is the region) "
            + "is its own child property and is never finalized; OBJECT(p) of a struct that is no QOM object aborts in "
            + "QOM's cast check; memory_region_init_ram/rom/rom_device name the RAMBlock by DEVICE(owner) and abort "
            + "for an owner that is not a device; an owner spelled 0 in device code leaves the region to the machine; "
            + "OBJECT(mr)->free on a region embedded in a struct frees an interior pointer. Give the region the device "
            + "as owner, or a wrapper QOM object that holds it (with the _nomigrate/_ptr/_from_fd inits).",
    tags = {"security", "correctness", "external/cwe/cwe-664"},
    securitySeverity = "5.0")
public final class OwnerMisuseRule extends Rule {
  @Override
  public void check(AnalysisResult analysis, Consumer<Finding> report) {
    for (Observation o : analysis.observations()) {
      if (o.ownerShape() == null) continue;
      if (o.effect() instanceof Operation.Init<Operand> i) {
        checkInit(analysis, o, i.kind(), report);
      } else if (o.effect() instanceof Operation.DeviceOwner) {
        checkDeviceOwner(o, report);
      }
    }
    Set<String> misowned = new HashSet<>();
    for (Observation o : analysis.observations()) {
      if (o.effect() instanceof Operation.Init
          && (o.ownerShape() == OwnerShape.THE_REGION
              || o.ownerShape() == OwnerShape.NOT_AN_OBJECT)) misowned.add(o.subject().id());
    }
    for (FreeHookOverride h : analysis.freeHooks()) {
      if (embedded(h.region().id())) report.accept(freeHook(h, misowned));
    }
  }

  private void checkInit(
      AnalysisResult analysis, Observation o, RegionKind kind, Consumer<Finding> report) {
    String owner = o.other().shown();
    switch (o.ownerShape()) {
      case THE_REGION ->
          report.accept(
              finding(
                  o,
                  kind,
                  Misowning.THE_REGION,
                  String.format(
                      "%s is initialized with itself as owner (%s is the region's own address): it becomes its own child "
                          + "property and is never finalized; pass the device (or a wrapper object) as owner",
                      o.subject().shown(), owner)));
      case NOT_AN_OBJECT ->
          report.accept(
              finding(
                  o,
                  kind,
                  Misowning.NOT_AN_OBJECT,
                  String.format(
                      "the owner of %s, %s, is no QOM object (its struct does not start with an Object): QOM's cast "
                          + "check aborts; pass the device (or a wrapper QOM object) as owner",
                      o.subject().shown(), owner)));
      case ZERO_LITERAL -> {
        // In board code 0 is just NULL; device code has the device at hand and means to own the
        // region.
        if (!kind.isTransient() && analysis.isQdevDevice(o.device())) {
          report.accept(
              finding(
                  o,
                  kind,
                  Misowning.NONE_IN_DEVICE_CODE,
                  String.format(
                      "%s region %s is created by %s's code with owner 0: it belongs to the machine, not the device, "
                          + "and outlives it; pass OBJECT(...) of the device",
                      kind.modelName(), o.subject().shown(), o.device().registration().name())));
        }
      }
      default -> {}
    }
  }

  private void checkDeviceOwner(Observation o, Consumer<Finding> report) {
    OwnerShape shape = o.ownerShape();
    if (shape != OwnerShape.NON_DEVICE_OBJECT
        && shape != OwnerShape.WRAPPER
        && shape != OwnerShape.OTHER_REGION) return;
    List<Fact.Owned> owned = o.before().facts(Fact.Owned.class, o.other().id());
    RegionKind kind = owned.isEmpty() ? RegionKind.RAM : owned.get(0).kind();
    Observation asInit =
        new Observation(
            o.effect(),
            o.callee(),
            o.other(),
            o.subject(),
            o.loc(),
            o.function(),
            o.phase(),
            o.device(),
            o.chain(),
            o.before(),
            o.node(),
            shape);
    report.accept(
        finding(
            asInit,
            kind,
            Misowning.NOT_A_DEVICE,
            String.format(
                "%s names the RAMBlock of %s by DEVICE(%s), and %s is %s: QEMU aborts; use a device as owner, or the "
                    + "_nomigrate/_ptr/_from_fd init for a wrapper object's RAM",
                o.callee(),
                o.other().shown(),
                o.subject().shown(),
                o.subject().shown(),
                shape == OwnerShape.OTHER_REGION
                    ? "a region"
                    : "a QOM object that is not a device")));
  }

  /** {@code o}: an init, subject the region, other the owner as written. */
  private Finding finding(Observation o, RegionKind kind, Misowning misuse, String message) {
    List<TraceStep> trace =
        new ArrayList<>(
            Findings.chainTo(
                o,
                o.subject().shown()
                    + " initialized with owner "
                    + o.other().shown()
                    + " ("
                    + o.phaseName()
                    + ")"));
    Witness w =
        new Witnesses(o.before())
            .misownedInit(o.phase(), o.subject(), misuse, o.other().shown(), kind, o.loc())
            .build(o.device(), Witness.Expectation.OWNER_MISUSE);
    return Findings.at(this, o, message, trace).withWitness(w);
  }

  private Finding freeHook(FreeHookOverride h, Set<String> misowned) {
    String message =
        String.format(
            "OBJECT(%s)->free = %s gives a region embedded in a larger struct its own free "
                + "function: finalizing the region frees an interior pointer; regions are freed with their owner",
            h.region().shown(), h.hook());
    List<TraceStep> trace = new ArrayList<>(h.chain());
    trace.add(new TraceStep(h.loc(), "free function set here (" + h.phaseName() + ")"));
    Witnesses w = new Witnesses(h.before());
    for (Fact.Owned o : h.before().facts(Fact.Owned.class, h.region().id())) {
      w.init(o.ownsItself() || misowned.contains(o.region()) ? ownedByTheDevice(o) : o);
      break;
    }
    w.step(h.phase(), new Operation.SetFreeHook<>(h.region(), true), h.loc());
    Witness witness = w.build(h.device(), Witness.Expectation.OWNER_MISUSE);
    return Findings.create(
            this, h.loc(), h.function(), h.region().shown() + "|" + h.phaseName(), message, trace)
        .withWitness(witness);
  }

  /**
   * A region that owns itself is never finalized, and one whose owner is no QOM object aborts at
   * its init, so its free function would never run: that is another MR009, reported at its own
   * init. The free function is replayed for the region as that fix would leave it, owned by the
   * device, so that each misuse stands on its own.
   */
  private static Fact.Owned ownedByTheDevice(Fact.Owned o) {
    return new Fact.Owned(
        o.region(),
        o.shown(),
        Fact.Owner.SELF,
        o.ownerShown(),
        o.kind(),
        o.phase(),
        o.at(),
        o.aliasOf(),
        false);
  }

  /**
   * {@code self.mmio}, {@code new@...#0.mr}: a member of a struct, not a region allocated on its
   * own.
   */
  static boolean embedded(String id) {
    int from = id.startsWith("new@") ? id.indexOf('#') : id.contains("::") ? id.indexOf("::") : 0;
    return from >= 0 && id.indexOf('.', from) > 0 && !id.startsWith("global:");
  }
}
