package dev.mrcheck.rules;

import dev.mrcheck.analysis.AnalysisResult;
import dev.mrcheck.analysis.Checkpoint;
import dev.mrcheck.analysis.Fact;
import dev.mrcheck.analysis.Observation;
import dev.mrcheck.analysis.Place;
import dev.mrcheck.analysis.RegionState;
import dev.mrcheck.analysis.RootExit;
import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

@RuleInfo(
    id = "MR006",
    name = "ref-imbalance",
    severity = Severity.ERROR,
    summary =
        "A memory_region_ref, memory_region_find or address_space_map reference is not given back on some path, or is given back twice.",
    description =
        "memory_region_ref() and the section memory_region_find() returns take a reference on the region "
            + "(on its owner under legacy and current semantics); an address_space_map() mapping holds one until "
            + "address_space_unmap(). A function that returns on some path (an early return, a goto fail) still holding "
            + "one, without storing the pointer anywhere, leaks it, and the owner can never be finalized. A reference kept "
            + "in the device state must be given back at unrealize or instance_finalize. An unref or unmap of a reference "
            + "the path no longer holds (over-release) drops somebody else's. References on the device's own regions are "
            + "MR001.",
    tags = {"security", "correctness", "external/cwe/cwe-401"},
    securitySeverity = "5.0")
public final class RefImbalanceRule extends Rule {
  @Override
  public void check(AnalysisResult analysis, Consumer<Finding> report) {
    Set<HeldReference> reported = new HashSet<>();
    for (RootExit x : analysis.exits()) {
      for (Fact f : x.state().facts()) {
        HeldReference h = HeldReference.of(f);
        if (h == null
            || h.phase() != x.phase()
            || !h.foreign()
            || h.kept()
            || !h.diesWith(x.function())
            || !reported.add(h)) {
          continue;
        }
        report.accept(heldPastReturn(x, h));
      }
    }
    for (Checkpoint cp : analysis.checkpoints()) {
      for (Fact f : cp.state().facts()) {
        HeldReference h = HeldReference.of(f);
        if (h == null
            || !takenBefore(h, cp)
            || !h.foreign()
            || !h.keptByDevice()
            || releasedInFinalize(cp, h, f)
            || !reported.add(h)) {
          continue;
        }
        report.accept(keptPastTeardown(cp, h));
      }
    }
    Set<String> overReleased = new HashSet<>();
    for (Observation o : analysis.observations()) {
      Fact.Released gone = givenBackAlready(o);
      if (gone != null && overReleased.add(o.loc() + "|" + o.subject().id()))
        report.accept(overRelease(o, gone));
    }
  }

  /**
   * The release that already gave back the last reference {@code o}'s unref or unmap would give
   * back, on some path to it; null if every path still holds one. The analysis leaves that mark
   * only where it knows the count and its holder (docs/rules/MR006.md#over-release): a release with
   * no reference in view, or of one on the device's own or an owner-less region, leaves none.
   */
  private static Fact.Released givenBackAlready(Observation o) {
    boolean unmap = o.effect() instanceof Operation.AddressSpaceUnmap;
    if (!unmap && !(o.effect() instanceof Operation.Unref)) return null;
    for (Fact.Released r : o.before().facts(Fact.Released.class, o.subject().id())) {
      if ((r.by() == Fact.HeldBy.MAP) == unmap) return r;
    }
    return null;
  }

  private Finding overRelease(Observation o, Fact.Released gone) {
    String message =
        String.format(
            "%s(%s) gives back a reference this path does not hold: %s(%s) at %s already gave "
                + "back the last one taken, and none was taken since (over-release)",
            o.callee(),
            o.subject().shown(),
            gone.callee(),
            gone.shown(),
            Findings.where(gone.at()));
    List<TraceStep> trace = new ArrayList<>(gone.how());
    trace.add(new TraceStep(gone.at(), "the last reference given back here"));
    trace.addAll(Findings.chainTo(o, "given back again here"));
    return Findings.at(this, o, message, trace);
  }

  /**
   * Taken in a phase the checkpoint looks back on; for references also in unrealize itself: one
   * taken there and kept in the device is never given back unless instance_finalize does. Only by
   * the device's own code, though: shared code that unrealize reaches (vhost_dev_start through a
   * set_status(0) that in fact stops the device) runs under conditions the replay does not tell
   * apart, and taking references while unrealizing is not what such code does.
   */
  private static boolean takenBefore(HeldReference h, Checkpoint cp) {
    return Teardown.bornBefore(h.phase(), cp.after())
        || cp.after() == Role.UNREALIZE
            && h.phase() == Role.UNREALIZE
            && h.at().file().equals(cp.device().registration().loc().file());
  }

  /**
   * A release in instance_finalize runs: a reference on another object's region is no cycle. Each
   * unref there gives back one memory_region_ref, the youngest held just before it (refs and unrefs
   * nest): of two refs and one unref the older ref is still leaked, and a ref/unref pair of
   * instance_finalize's own balances itself. Judged on instance_finalize replayed from the
   * checkpoint's state: replayed from another one, other references may be the youngest.
   */
  private static boolean releasedInFinalize(Checkpoint cp, HeldReference h, Fact fact) {
    Fact reference = unstored(fact);
    for (Observation o : cp.finalizeEffects()) {
      if (!(o.effect() instanceof Operation.Unref
              || o.effect() instanceof Operation.AddressSpaceUnmap)
          || !o.subject().id().equals(h.region())
          || !holds(o.before(), reference)) {
        continue;
      }
      if (!(reference instanceof Fact.Referenced mine)
          || youngest(o.before(), h.region()) == mine.older()) return true;
    }
    return false;
  }

  /** Whether {@code s} holds {@code reference}, stored somewhere since or not. */
  private static boolean holds(RegionState s, Fact reference) {
    for (Fact f : s.facts()) if (unstored(f).equals(reference)) return true;
    return false;
  }

  /**
   * The age of the youngest memory_region_ref held on {@code region}, stored or not; -1 if none.
   */
  private static int youngest(RegionState s, String region) {
    int youngest = -1;
    for (Fact f : s.facts()) {
      if (f.region().equals(region) && unstored(f) instanceof Fact.Referenced r)
        youngest = Math.max(youngest, r.older());
    }
    return youngest;
  }

  private static Fact unstored(Fact f) {
    return f instanceof Fact.Stored st ? st.reference() : f;
  }

  private Finding heldPastReturn(RootExit x, HeldReference h) {
    String fn = x.function().name();
    String message =
        String.format(
            "%s is not given back on some path through %s(): it returns without %s and "
                + "keeps the pointer nowhere, so the reference leaks",
            h.described(), fn, h.release());
    List<TraceStep> trace = new ArrayList<>(h.how());
    trace.add(new TraceStep(h.at(), "reference taken here"));
    trace.add(new TraceStep(x.function().loc(), fn + "() returns on some path still holding it"));
    Witness w =
        h.witness(x.state())
            .step(
                h.phase(),
                new Operation.ReturnsHolding<>(new Place(h.region(), h.shown())),
                x.function().loc())
            .build(x.device(), Witness.Expectation.UNRELEASED);
    return Findings.create(this, h.at(), fn, h.shown() + "|" + h.taken(), message, trace)
        .withWitness(w);
  }

  private Finding keptPastTeardown(Checkpoint cp, HeldReference h) {
    String device = cp.device().registration().name();
    String message =
        String.format(
            "%s is kept in %s's state and not given back by %s or instance_finalize: the "
                + "reference outlives the device",
            h.described(),
            device,
            cp.after() == Role.INSTANCE_INIT ? "a throw-away instance" : "unrealize");
    List<TraceStep> trace = new ArrayList<>(h.how());
    trace.add(new TraceStep(h.at(), "reference taken here"));
    trace.add(new TraceStep(cp.device().registration().loc(), cp.why()));
    Witness w = h.witness(cp.state()).build(cp.device(), Witness.Expectation.UNRELEASED);
    return Findings.create(this, h.at(), device, h.shown() + "|" + cp.after(), message, trace)
        .withWitness(w);
  }
}
