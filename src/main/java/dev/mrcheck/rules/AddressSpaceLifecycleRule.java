package dev.mrcheck.rules;

import dev.mrcheck.analysis.AnalysisResult;
import dev.mrcheck.analysis.Checkpoint;
import dev.mrcheck.analysis.Fact;
import dev.mrcheck.analysis.Observation;
import dev.mrcheck.analysis.Place;
import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Operand;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

@RuleInfo(
    id = "MR007",
    name = "address-space-lifecycle",
    severity = Severity.ERROR,
    summary = "An address space is not destroyed at unrealize, or its destroy is lost to a free.",
    description =
        "address_space_init() registers the address space globally and references its root. A "
            + "hot-pluggable device must destroy it at unrealize even when the root belongs to someone else: after "
            + "unplug nobody can, and the memory core keeps using it. address_space_destroy() finishes in an RCU "
            + "callback queued on the address space's rcu_head: a g_free() right after it frees memory the callback "
            + "still uses, a g_free_rcu() replaces the callback so the destroy never happens. Use "
            + "address_space_destroy_free(). A destroy in instance_finalize of an address space over the object's own "
            + "root never runs (warning): the address space keeps the object alive. Own roots not destroyed at "
            + "unrealize are MR001.",
    tags = {"security", "correctness", "external/cwe/cwe-416"},
    securitySeverity = "6.0")
public final class AddressSpaceLifecycleRule extends Rule {
  @Override
  public void check(AnalysisResult analysis, Consumer<Finding> report) {
    for (Checkpoint cp : analysis.checkpoints()) {
      if (cp.after() != Role.UNREALIZE) continue;
      for (Fact.AddressSpaceLive a : cp.state().facts(Fact.AddressSpaceLive.class)) {
        if (a.rootOwner() == Fact.Owner.SELF
            || !Teardown.bornBefore(a.phase(), cp.after())
            || destroyedUnderSameTest(cp, a)) {
          continue;
        }
        report.accept(notDestroyed(cp, a));
      }
    }
    Set<SourceLoc> freed = new HashSet<>();
    for (Observation o : analysis.observations()) {
      if (o.effect() instanceof Operation.Free<Operand> free) {
        for (Fact.DestroyPending d :
            o.before().facts(Fact.DestroyPending.class, o.subject().id())) {
          if (callbackRanBeforeFinalize(analysis, o, d)) continue;
          // A teardown helper reached from unrealize and instance_finalize is one mistake, at one
          // line.
          if (freed.add(o.loc())) report.accept(freedAfterDestroy(o, d, free.rcu()));
        }
      } else if (o.effect() instanceof Operation.AddressSpaceDestroy
          && o.phase() == Role.INSTANCE_FINALIZE
          && o.device() != null
          && !o.device().hotpluggable()) {
        for (Fact.AddressSpaceLive a : o.before().facts(Fact.AddressSpaceLive.class)) {
          // Hot-pluggable devices and instance_init address spaces are MR001's owner cycle already.
          if (!a.addressSpace().equals(o.subject().id())
              || a.rootOwner() != Fact.Owner.SELF
              || a.phase() != Role.REALIZE) {
            continue;
          }
          report.accept(destroyedInFinalize(o, a));
        }
      }
    }
  }

  /**
   * Whether the device is finalized only after {@code d}'s RCU callback ran, so a g_free in its
   * instance_finalize comes too late to lose the destroy. RCU runs callbacks in the order they were
   * queued, and the device cannot be finalized while a pending destroy still holds it: one that
   * holds it queued with or after {@code d} makes the device wait for {@code d}'s callback. (A
   * destroy of an earlier phase is pending in instance_finalize only when no grace period came in
   * between: unrealize, a realize that reported an error, a throw-away instance's instance_init.)
   */
  private static boolean callbackRanBeforeFinalize(
      AnalysisResult analysis, Observation o, Fact.DestroyPending d) {
    if (o.phase() != Role.INSTANCE_FINALIZE || d.phase() == Role.INSTANCE_FINALIZE) return false;
    List<Fact.DestroyPending> queued = o.before().facts(Fact.DestroyPending.class);
    for (int i = Math.max(0, queued.indexOf(d)); i < queued.size(); i++) {
      if (holdsDevice(analysis, o, queued.get(i))) return true;
    }
    return false;
  }

  /**
   * Whether the address space of a pending destroy still holds the device through its root
   * (docs/lifetime.md#semantics). Legacy and current: a reference on a region is one on its owner,
   * so an address space over the device's own region holds the device. Refcount: it holds the
   * device's regions along its root (an alias references its target), and such a region holds the
   * device once it is no longer the device's child: qdev unparents the device's regions after
   * unrealize, or the program unparented it (its ownership is gone from the state).
   */
  private static boolean holdsDevice(
      AnalysisResult analysis, Observation o, Fact.DestroyPending p) {
    if (p.phase() == Role.INSTANCE_FINALIZE) return false;
    if (analysis.semantics() != Semantics.REFCOUNT) return p.rootOwner() == Fact.Owner.SELF;
    boolean unparentedByQdev =
        p.phase() == Role.UNREALIZE && o.device() != null && o.device().hotpluggable();
    for (String region : p.ownHeld()) {
      if (unparentedByQdev || o.before().facts(Fact.Owned.class, region).isEmpty()) return true;
    }
    return false;
  }

  /**
   * Realize initializes it under {@code if (s->hostmem)}, unrealize destroys it under the same
   * test: the path that skips the destroy is the one that never initialized it. The analysis does
   * not correlate branches, so it matches the tested field instead.
   */
  private static boolean destroyedUnderSameTest(Checkpoint cp, Fact.AddressSpaceLive a) {
    for (Fact.DestroyPending d : cp.state().facts(Fact.DestroyPending.class, a.addressSpace())) {
      if (d.phase() == Role.UNREALIZE && d.guards().stream().anyMatch(a.guards()::contains))
        return true;
    }
    return false;
  }

  private Finding notDestroyed(Checkpoint cp, Fact.AddressSpaceLive a) {
    String device = cp.device().registration().name();
    String message =
        String.format(
            "address_space_init(%s) over %s, which %s does not own, is not destroyed at "
                + "unrealize: after hot-unplug the address space stays registered and nobody can destroy it",
            a.addressSpaceShown(), a.shown(), device);
    List<TraceStep> trace = new ArrayList<>(a.how());
    trace.add(new TraceStep(a.at(), "address space initialized here"));
    trace.add(new TraceStep(cp.device().registration().loc(), cp.why()));
    Witnesses w = new Witnesses(cp.state());
    if (!a.region().startsWith("global:")) w.initOrForeign(a.region(), a.shown(), a.phase());
    w.step(a.phase(), asInit(a), a.at());
    return Findings.create(
            this, a.at(), device, a.addressSpaceShown() + "|" + cp.after(), message, trace)
        .withWitness(w.build(cp.device(), Witness.Expectation.UNRELEASED));
  }

  private Finding freedAfterDestroy(Observation o, Fact.DestroyPending d, boolean rcu) {
    String message =
        rcu
            ? String.format(
                "%s(%s) after address_space_destroy(%s) replaces the destroy's RCU callback on the same "
                    + "rcu_head: the destroy never happens; use address_space_destroy_free()",
                o.callee(), d.shown(), d.shown())
            : String.format(
                "%s(%s) right after address_space_destroy(%s) frees the address space before its RCU "
                    + "callback runs; use address_space_destroy_free()",
                o.callee(), d.shown(), d.shown());
    List<TraceStep> trace = new ArrayList<>();
    if (d.initAt() != null) trace.add(new TraceStep(d.initAt(), "address space initialized here"));
    trace.add(
        new TraceStep(d.at(), "destroyed here: the root reference is dropped in an RCU callback"));
    trace.addAll(Findings.chainTo(o, "freed here"));
    Witnesses w = new Witnesses(o.before());
    String root = d.root() == null ? "root-of:" + d.region() : d.root();
    String rootShown = d.rootShown() == null ? "the root of " + d.shown() : d.rootShown();
    if (!root.startsWith("global:")) w.initOrForeign(root, rootShown, d.initPhase());
    Place space = new Place(d.region(), d.shown());
    w.step(
            d.initPhase(),
            new Operation.AddressSpaceInit<>(space, new Place(root, rootShown)),
            d.initAt())
        .step(d.phase(), new Operation.AddressSpaceDestroy<>(space, false), d.at())
        .step(o.phase(), new Operation.Free<>(space, rcu, true), o.loc());
    return Findings.at(this, o, message, trace)
        .withWitness(w.build(o.device(), Witness.Expectation.DESTROY_LOST));
  }

  private Finding destroyedInFinalize(Observation o, Fact.AddressSpaceLive a) {
    String device = o.device().registration().name();
    String message =
        String.format(
            "address_space_destroy(%s) in instance_finalize never runs: the address space "
                + "over %s's own region %s keeps %s alive; destroy it when realize fails and at unrealize",
            o.subject().shown(), device, a.shown(), device);
    List<TraceStep> trace = new ArrayList<>(a.how());
    trace.add(
        new TraceStep(a.at(), "address space initialized here, over the device's own region"));
    trace.addAll(Findings.chainTo(o, "destroyed only in instance_finalize"));
    Witness w =
        new Witnesses(o.before())
            .init(a.region())
            .step(a.phase(), asInit(a), a.at())
            .step(
                Role.INSTANCE_FINALIZE,
                new Operation.AddressSpaceDestroy<>(
                    new Place(a.addressSpace(), o.subject().shown()), false),
                o.loc())
            .build(o.device(), Witness.Expectation.OWNER_LEAK);
    return Findings.at(this, o, message, trace).withSeverity(Severity.WARNING).withWitness(w);
  }

  /** The address space's init, as a witness step. */
  private static Operation<Place> asInit(Fact.AddressSpaceLive a) {
    return new Operation.AddressSpaceInit<>(
        new Place(a.addressSpace(), a.addressSpaceShown()), new Place(a.region(), a.shown()));
  }
}
