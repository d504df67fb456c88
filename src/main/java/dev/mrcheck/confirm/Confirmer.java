package dev.mrcheck.confirm;

import dev.mrcheck.analysis.Fact;
import dev.mrcheck.analysis.Place;
import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Witness;
import dev.mrcheck.rules.WitnessStep;
import dev.mrcheck.runtime.LifecycleResult;
import dev.mrcheck.runtime.Outcome;
import dev.mrcheck.runtime.TraceEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Replays a finding's witness in the reference runtime model and decides whether the model observes
 * what the rule predicts for the finding's subject: a leak of the device (MR001), the region
 * finalized while mapped (MR002), an owner-less region destroyed (MR003). A rule reasons about
 * paths and may over-approximate; the model executes one lifecycle, so a confirmed finding comes
 * with a concrete trace of how it goes wrong. A witness whose recorded guards contradict the values
 * its own path set is refuted instead ({@link GuardCheck}): the path cannot happen.
 */
public final class Confirmer {
  public Confirmation confirm(Finding finding, Semantics semantics) {
    Witness w = finding.witness();
    if (w == null || w.expected() == null) return Confirmation.noWitness(semantics.label());
    WitnessReplay replay = new WitnessReplay(w);
    LifecycleResult result = replay.run(semantics);
    Optional<String> refutation = GuardCheck.refutation(w);
    // A path that cannot happen confirms nothing, whatever its replay shows.
    Optional<Outcome> hit =
        refutation.isPresent() ? Optional.empty() : expected(w, replay, result, semantics);
    String verdict =
        refutation
            .map(r -> "refuted by the " + semantics.label() + " model: " + r)
            .or(
                () ->
                    hit.map(
                        o -> "confirmed by the " + semantics.label() + " model: " + o.message()))
            .orElseGet(
                () ->
                    "not reproduced by the "
                        + semantics.label()
                        + " model: "
                        + missing(w, replay, result));
    List<TraceEntry> full = new ArrayList<>();
    for (String a : replay.assumptions()) full.add(new TraceEntry(null, "assumption: " + a));
    // The run-time steps of the witness replay in order: the callbacks that made them are named.
    for (TraceStep t : finding.trace()) {
      if (t.invocations()) full.add(new TraceEntry(t.loc(), WitnessTrace.SEQUENCE + t.message()));
    }
    full.addAll(result.trace());
    return new Confirmation(
        hit.isPresent(),
        full,
        semantics.label(),
        result.scenario(),
        verdict,
        WitnessTrace.of(full, replay.device(), hit.orElse(null)),
        result.outcomes(),
        result.graph().highlighting(hit.orElse(null)),
        refutation.orElse(null));
  }

  /** The outcome that confirms the finding, if the model produced it. */
  private static Optional<Outcome> expected(
      Witness w, WitnessReplay replay, LifecycleResult result, Semantics semantics) {
    return switch (w.expected()) {
      // Under refcount the cycle may leave the device's region alive after the device is gone: the
      // leak is then reported on the region, which is the same bug seen from the other end.
      case OWNER_LEAK -> {
        Set<String> own = ownRegions(w, replay);
        yield result.outcomes(Outcome.Leak.class).stream()
            .filter(l -> l.subject().equals(replay.device()) || own.contains(l.subject()))
            .map(Outcome.class::cast)
            .findFirst();
      }
      case FINALIZED_WHILE_MAPPED -> {
        Set<String> subject = subject(w, replay);
        Optional<Outcome> finalized =
            result.outcomes(Outcome.FinalizedWhileMapped.class).stream()
                .filter(o -> subject.contains(o.region()))
                .map(Outcome.class::cast)
                .findFirst();
        if (finalized.isPresent() || semantics != Semantics.REFCOUNT) yield finalized;
        // Refcount: the container's reference keeps the unparented region alive, and the region
        // keeps its
        // owner alive: the region stays mapped after unplug and the device leaks through it.
        yield result.outcomes(Outcome.Leak.class).stream()
            .filter(
                l ->
                    l.heldBy().stream()
                        .anyMatch(
                            r -> subject.contains(r.holder()) || subject.contains(r.target())))
            .map(Outcome.class::cast)
            .findFirst();
      }
      case UNRELEASED -> {
        String subject = released(w, replay);
        yield result.outcomes(Outcome.Unreleased.class).stream()
            .filter(o -> o.subject().equals(subject))
            .map(Outcome.class::cast)
            .findFirst();
      }
      case DESTROY_LOST -> {
        String space = "address space " + released(w, replay);
        yield result.outcomes().stream()
            .filter(
                o ->
                    o instanceof Outcome.Leak l && l.subject().startsWith(space)
                        || o instanceof Outcome.UseAfterFinalize u && u.subject().startsWith(space))
            .findFirst();
      }
      case OWNERLESS_DESTROYED -> {
        Set<String> subject = subject(w, replay);
        yield result.outcomes(Outcome.OwnerlessDestroyed.class).stream()
            .filter(o -> subject.contains(o.region()))
            .map(Outcome.class::cast)
            .findFirst();
      }
      case USE_AFTER_FINALIZE -> {
        WitnessStep last = w.steps().get(w.steps().size() - 1);
        String region = replay.names().of(last.subject().id());
        // An add or delete uses the container as well: in instance_finalize it is often the one
        // finalized.
        String container =
            container(last.operation()) != null
                ? replay.names().of(container(last.operation()).id())
                : region;
        Optional<Outcome> use =
            result.outcomes(Outcome.UseAfterFinalize.class).stream()
                .filter(o -> o.subject().equals(region) || o.subject().equals(container))
                .map(Outcome.class::cast)
                .findFirst();
        if (use.isPresent()
            || !(last.operation() instanceof Operation.Unparent)
            || !result.deviceFinalized()) yield use;
        // An unparent there is a no-op, not a fault: the replay shows the region dropped with the
        // device's
        // children before instance_finalize ran, which is what the warning says.
        yield Optional.of(
            new Outcome.UseAfterFinalize(
                region,
                "object_unparent (no-op)",
                last.loc(),
                region + " was already finalized with " + replay.device() + "'s child properties"));
      }
      case OWNER_MISUSE -> {
        String region = replay.names().of(misused(w).subject().id());
        yield result.outcomes().stream().filter(o -> about(o, region)).findFirst();
      }
      case DYNAMIC_REGION -> {
        WitnessStep last = w.steps().get(w.steps().size() - 1);
        Set<String> regions = new HashSet<>(replay.destroyedNames(last));
        yield result.outcomes(Outcome.DynamicRegion.class).stream()
            .filter(o -> regions.contains(o.region()))
            .map(Outcome.class::cast)
            .findFirst();
      }
    };
  }

  /** The reference, mapping or address space a MR006/MR007 finding says is never released. */
  private static String released(Witness w, WitnessReplay replay) {
    for (int i = w.steps().size() - 1; i >= 0; i--) {
      WitnessStep s = w.steps().get(i);
      if (takes(s.operation())) return replay.names().of(s.subject().id());
    }
    return null;
  }

  /** Whether the step takes what MR006/MR007 say is never released. */
  private static boolean takes(Operation<Place> op) {
    return op instanceof Operation.Ref
        || op instanceof Operation.Find
        || op instanceof Operation.AddressSpaceMap
        || op instanceof Operation.AddressSpaceInit
        || op instanceof Operation.AddressSpaceDestroy;
  }

  /** The container an add or delete names besides its region (used after finalization too). */
  private static Place container(Operation<Place> op) {
    if (op instanceof Operation.Map<Place> m) return m.container();
    if (op instanceof Operation.Unmap<Place> u) return u.container();
    return null;
  }

  /** The step an MR009 witness is about: the init with the wrong owner, or the free hook. */
  private static WitnessStep misused(Witness w) {
    for (WitnessStep s : w.steps()) {
      if (s.operation() instanceof Operation.InitMisowned
          || s.operation() instanceof Operation.SetFreeHook) return s;
    }
    return w.steps().get(w.steps().size() - 1);
  }

  /**
   * What a wrong owner leads to: the region leaks, QEMU aborts on it, or it is used or freed after
   * its end.
   */
  private static boolean about(Outcome o, String region) {
    if (o instanceof Outcome.Leak l) return l.subject().equals(region);
    if (o instanceof Outcome.AssertionFailure a) return a.subject().equals(region);
    if (o instanceof Outcome.UseAfterFinalize u)
      return u.subject().equals(region) || u.message().startsWith(region + " ");
    return false;
  }

  private static Set<String> ownRegions(Witness w, WitnessReplay replay) {
    Set<String> own = new HashSet<>();
    for (WitnessStep s : w.steps()) {
      if (s.operation() instanceof Operation.Init && s.owner() == Fact.Owner.SELF) {
        own.add(replay.names().of(s.subject().id()));
      }
    }
    return own;
  }

  /**
   * The regions the finding is about: those its last unparent or free destroys; with neither, the
   * owner-less regions it creates (QOM frees the instance storage they are embedded in).
   */
  private static Set<String> subject(Witness w, WitnessReplay replay) {
    for (int i = w.steps().size() - 1; i >= 0; i--) {
      WitnessStep s = w.steps().get(i);
      if (s.operation() instanceof Operation.Unparent || WitnessReplay.freesRegions(s)) {
        return replay.destroyedNames(s);
      }
    }
    Set<String> ownerless = new HashSet<>();
    for (WitnessStep s : w.steps()) {
      if (s.operation() instanceof Operation.Init && s.owner() == Fact.Owner.NONE)
        ownerless.add(replay.names().of(s.subject().id()));
    }
    return ownerless;
  }

  private static String missing(Witness w, WitnessReplay replay, LifecycleResult result) {
    String what =
        switch (w.expected()) {
          case OWNER_LEAK ->
              replay.device() + (result.deviceFinalized() ? " is finalized" : " is not leaked");
          case FINALIZED_WHILE_MAPPED ->
              "no region of " + subject(w, replay) + " is finalized while mapped";
          case OWNERLESS_DESTROYED ->
              "no owner-less region of " + subject(w, replay) + " is destroyed";
          case USE_AFTER_FINALIZE -> "no use of a finalized region is seen";
          case UNRELEASED ->
              released(w, replay) + " is released, or its holder can still release it";
          case DESTROY_LOST ->
              "the destroy of address space " + released(w, replay) + " takes effect";
          case OWNER_MISUSE ->
              "no consequence of the owner of "
                  + replay.names().of(misused(w).subject().id())
                  + " is seen";
          case DYNAMIC_REGION -> "no region is created or destroyed at run time";
        };
    String seen =
        result.outcomes().isEmpty()
            ? "no outcome"
            : "outcomes: "
                + String.join("; ", result.outcomes().stream().map(Outcome::message).toList());
    return what + " (" + result.scenario() + " scenario; " + seen + ")";
  }
}
