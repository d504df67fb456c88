package dev.mrcheck.rules;

import dev.mrcheck.analysis.AnalysisResult;
import dev.mrcheck.analysis.FieldWrite;
import dev.mrcheck.analysis.Observation;
import dev.mrcheck.analysis.PathCondition;
import dev.mrcheck.model.Operand;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The guards a finding's witness crosses, for every rule: at each step the analysis observed, the
 * conditions every path to it passed ({@code if (s->buf)}, {@code if (!s->pinned)}, Java's {@code
 * if (x != null)}) and the values the code gives fields right after it (constants, a counter
 * counted up, the result of the model's own call: a mapping's buffer, a lookup's region, not NULL
 * when the step happened; through helpers called there); and, for a witness claiming a reference,
 * mapping or subregion nobody undoes, the condition under which teardown undoes it, negated: the
 * path that leaks is the one where that test failed.
 *
 * <p>Only pairs are kept: a write and a later test of the same field. A write is dropped when
 * another function of the program (a handler, a reset) gives the field another value, since it may
 * run between the write and the test; the test's own function may (exit clearing the flag it
 * tested). The runtime model ({@code confirm.GuardCheck}) then refutes a witness whose test
 * contradicts the write: the analysis reported a path that cannot happen, where its own correlation
 * of guards stops (a flag set in a helper, a counter, a result stored in a field).
 */
public final class PathGuards {
  private final Map<String, List<Observation>> byLoc = new HashMap<>();

  /** Observations by device, subject and kind of operation: the takers and undos of one thing. */
  private final Map<List<Object>, List<Observation>> bySubject = new HashMap<>();

  public PathGuards(AnalysisResult analysis) {
    for (Observation o : analysis.observations()) {
      if (o.loc() != null) byLoc.computeIfAbsent(key(o), k -> new ArrayList<>()).add(o);
      if (o.device() != null) {
        bySubject
            .computeIfAbsent(
                subjectKey(
                    o.device().registration().name(), o.subject().id(), o.effect().getClass()),
                k -> new ArrayList<>())
            .add(o);
      }
    }
  }

  private static List<Object> subjectKey(String device, String subject, Class<?> operation) {
    return List.of(device, subject, operation);
  }

  /** {@code f} with its witness' guards added, or {@code f} when there are none to add. */
  public Finding attach(Finding f) {
    Witness w = f.witness();
    if (w == null || w.device() == null) return f;
    List<Candidate> writes = new ArrayList<>();
    List<Candidate> tests = new ArrayList<>();
    // A step's tests come before its call and its writes after it: the order the runtime model
    // checks them in, which also tells a callback's invocations apart (a flag its first run sets
    // is what its second run tests).
    for (int i = 0; i < w.steps().size(); i++) {
      WitnessStep s = w.steps().get(i);
      Observation o = observed(w, s);
      if (o == null) continue;
      // A caller's conditions hold of the call site the replay came through, which need not be
      // the one this step ran from: only the function's own are the step's.
      for (PathCondition c : o.conditions()) {
        if (c.named() && !c.inCaller())
          tests.add(new Candidate(2 * i, s.phase(), o, null, c, List.of()));
      }
      for (FieldWrite x : o.writesAfter())
        writes.add(new Candidate(2 * i + 1, s.phase(), o, x, null, List.of()));
    }
    if (w.expected() == Witness.Expectation.UNRELEASED
        || w.expected() == Witness.Expectation.FINALIZED_WHILE_MAPPED) {
      tests.addAll(skippedUndos(w, Set.of(Role.UNREALIZE, Role.INSTANCE_FINALIZE)));
    } else if (w.expected() == Witness.Expectation.OWNER_LEAK) {
      // A reference or mapping that holds the device: instance_finalize never runs while it
      // does, so only unrealize's undos are ones the leaking path skipped by failing their test.
      tests.addAll(skippedUndos(w, Set.of(Role.UNREALIZE)));
    }
    List<WitnessGuard> guards = new ArrayList<>(w.guards());
    guards.addAll(pairs(writes, tests));
    if (guards.size() == w.guards().size()) return f;
    return f.withWitness(
        new Witness(w.device(), w.hotpluggable(), w.steps(), w.expected(), guards));
  }

  /**
   * A write or a test a step's observation carries, at its place in the witness; a test with {@code
   * orElse} assumes it or one of those.
   */
  private record Candidate(
      int order,
      Role phase,
      Observation at,
      FieldWrite write,
      PathCondition test,
      List<PathCondition> orElse) {
    String key() {
      return write != null ? write.key() : test.key();
    }
  }

  /**
   * The writes some test of the same field follows, and those tests, as guards in witness order.
   */
  private static List<WitnessGuard> pairs(List<Candidate> writes, List<Candidate> tests) {
    List<Map.Entry<Candidate, WitnessGuard>> kept = new ArrayList<>();
    Set<String> paired = new HashSet<>();
    Set<Candidate> keptWrites = new HashSet<>();
    List<Candidate> single = tests.stream().filter(t -> t.orElse().isEmpty()).toList();
    for (Candidate wr : writes) {
      List<Candidate> on =
          single.stream().filter(t -> t.key().equals(wr.key()) && follows(t, wr)).toList();
      if (on.isEmpty()) continue;
      Set<String> mayRunBetween = new HashSet<>(wr.write().contradictedIn());
      on.forEach(t -> mayRunBetween.remove(t.at().function()));
      if (!mayRunBetween.isEmpty()) continue;
      if (keptWrites.add(wr)) kept.add(Map.entry(wr, written(wr)));
      for (Candidate t : on) {
        String id = t.at().loc() + "|" + t.key() + "|" + t.test().holds();
        if (!paired.add(id)) continue;
        kept.add(
            Map.entry(
                t,
                new WitnessGuard(
                    t.phase(),
                    WitnessGuard.Kind.ASSUMES,
                    t.test().shown(),
                    wr.write().value().outcome(t.test().holds()),
                    t.at().loc(),
                    t.key())));
      }
    }
    for (Candidate t : tests) {
      if (!t.orElse().isEmpty()) eitherFailed(t, writes, kept, keptWrites);
    }
    return kept.stream()
        .sorted(Comparator.comparingInt(e -> e.getKey().order()))
        .map(Map.Entry::getValue)
        .toList();
  }

  private static WitnessGuard written(Candidate wr) {
    return new WitnessGuard(
        wr.phase(),
        WitnessGuard.Kind.WRITES,
        wr.write().shown(),
        wr.write().value(),
        wr.at().loc(),
        wr.key());
  }

  /**
   * A test that one of several conditions failed, kept with the writes it is held against when
   * every one of them follows a write that nothing else may undo: otherwise the model could refute
   * none of them, hence not the test.
   */
  private static void eitherFailed(
      Candidate t,
      List<Candidate> writes,
      List<Map.Entry<Candidate, WitnessGuard>> kept,
      Set<Candidate> keptWrites) {
    List<PathCondition> all = new ArrayList<>();
    all.add(t.test());
    all.addAll(t.orElse());
    List<Candidate> support = new ArrayList<>();
    List<WitnessGuard> assumed = new ArrayList<>();
    for (PathCondition c : all) {
      Candidate wr = null;
      for (Candidate w : writes) {
        if (!w.key().equals(c.key()) || !follows(t, w)) continue;
        Set<String> mayRunBetween = new HashSet<>(w.write().contradictedIn());
        mayRunBetween.remove(t.at().function());
        if (mayRunBetween.isEmpty()) wr = w;
      }
      if (wr == null) return;
      support.add(wr);
      assumed.add(
          new WitnessGuard(
              t.phase(),
              WitnessGuard.Kind.ASSUMES,
              c.shown(),
              wr.write().value().outcome(c.holds()),
              t.at().loc(),
              c.key()));
    }
    for (Candidate wr : support) {
      if (keptWrites.add(wr)) kept.add(Map.entry(wr, written(wr)));
    }
    WitnessGuard first = assumed.get(0);
    kept.add(
        Map.entry(
            t,
            new WitnessGuard(
                first.phase(),
                first.kind(),
                first.subject(),
                first.value(),
                first.loc(),
                first.key(),
                assumed.subList(1, assumed.size()))));
  }

  /**
   * Whether {@code test} is surely evaluated after {@code write}: in a later phase. Within one
   * phase a step's conditions may have been evaluated before an earlier step ran (the test that
   * guards a whole block precedes the block's first call), and a callback's invocations share a
   * phase, so pairing there could refute a path that happens.
   */
  private static boolean follows(Candidate test, Candidate write) {
    return test.order() > write.order() && !Objects.equals(test.phase(), write.phase());
  }

  /**
   * For each step that takes something teardown gives back (a reference, a mapping, a subregion),
   * the tests under which teardown gives it back, one of them failed: the leaking path skipped
   * every undo. Only when that step is the only one taking it, and every undo sits under conditions
   * the analysis can name, in the hook or in helpers it calls (a {@code foo_unpin(s)} whose body
   * tests {@code s->pinned}): failing one of those tests is then the way past it.
   */
  private List<Candidate> skippedUndos(Witness w, Set<Role> undoPhases) {
    List<Candidate> out = new ArrayList<>();
    for (WitnessStep s : w.steps()) {
      Class<?> undo = undoOf(s.operation());
      Observation taken = observed(w, s);
      if (undo == null || taken == null) continue;
      String subject = taken.subject().id();
      long takers =
          bySubject
              .getOrDefault(subjectKey(w.device(), subject, taken.effect().getClass()), List.of())
              .stream()
              .map(Observation::loc)
              .distinct()
              .count();
      if (takers != 1) continue;
      List<Observation> undos =
          bySubject.getOrDefault(subjectKey(w.device(), subject, undo), List.of()).stream()
              .filter(o -> o.phase() != null && undoPhases.contains(o.phase()))
              .toList();
      if (undos.isEmpty() || !undos.stream().allMatch(PathGuards::underNamedTests)) continue;
      for (Observation u : undos) {
        List<PathCondition> failed = u.conditions().stream().map(PathCondition::failed).toList();
        out.add(
            new Candidate(
                Integer.MAX_VALUE,
                u.phase(),
                u,
                null,
                failed.get(0),
                failed.subList(1, failed.size())));
      }
    }
    return out;
  }

  private static boolean underNamedTests(Observation u) {
    return !u.conditions().isEmpty() && u.conditions().stream().allMatch(PathCondition::named);
  }

  /** The operation that gives back what {@code op} takes, or null. */
  private static Class<?> undoOf(Operation<?> op) {
    if (op instanceof Operation.Ref<?> || op instanceof Operation.Find<?>)
      return Operation.Unref.class;
    if (op instanceof Operation.Map<?>) return Operation.Unmap.class;
    if (op instanceof Operation.AddressSpaceMap<?>) return Operation.AddressSpaceUnmap.class;
    if (op instanceof Operation.AddressSpaceInit<?>) return Operation.AddressSpaceDestroy.class;
    return null;
  }

  /** The observation of the call a witness step replays, or null when the analysis has none. */
  private Observation observed(Witness w, WitnessStep s) {
    if (s.loc() == null) return null;
    for (Observation o :
        byLoc.getOrDefault(
            s.loc().file() + ":" + s.loc().line() + ":" + s.loc().column(), List.of())) {
      if (Objects.equals(o.phase(), s.phase())
          && sameDevice(o, w)
          && sameOperation(o.effect(), s.operation())) return o;
    }
    return null;
  }

  private static boolean sameOperation(Operation<Operand> observed, Operation<?> step) {
    return observed.getClass() == step.getClass();
  }

  private static boolean sameDevice(Observation o, Witness w) {
    return o.device() != null && o.device().registration().name().equals(w.device());
  }

  private static String key(Observation o) {
    return o.loc().file() + ":" + o.loc().line() + ":" + o.loc().column();
  }
}
