package dev.mrcheck.rules;

import dev.mrcheck.analysis.AnalysisResult;
import dev.mrcheck.analysis.Checkpoint;
import dev.mrcheck.analysis.FieldWrite;
import dev.mrcheck.analysis.Observation;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import java.util.List;

/**
 * The guards a kept reference's witness relies on when the code records the reference in a flag:
 * {@code memory_region_ref(mr); s->pinned = true;} in realize and {@code if (s->pinned)
 * memory_region_unref(mr);} in teardown. The analysis joins teardown's paths, so the reference
 * looks kept on the path where the flag is false; the witness says so ("unrealize assumes s->pinned
 * is false") beside the write realize made right after the ref, and the runtime model refutes the
 * pair.
 */
final class FlagCorrelation {
  private FlagCorrelation() {}

  /**
   * The write and the contradicting assumption, or nothing when the release is not flag-guarded.
   */
  static List<WitnessGuard> of(AnalysisResult analysis, Checkpoint cp, HeldReference h) {
    if (h.taken() != HeldReference.Taken.REF) return List.of();
    String device = cp.device().name();
    List<Observation> refs =
        analysis.observations().stream()
            .filter(o -> o.effect() instanceof Operation.Ref && about(o, h, device))
            .toList();
    // Another ref of the region may be the one leaked: its path is not the flag's.
    if (refs.stream().map(Observation::loc).distinct().count() != 1
        || !refs.get(0).loc().equals(h.at())) return List.of();
    List<Observation> releases =
        analysis.observations().stream()
            .filter(
                o ->
                    o.effect() instanceof Operation.Unref
                        && about(o, h, device)
                        && (o.phase() == Role.UNREALIZE || o.phase() == Role.INSTANCE_FINALIZE))
            .toList();
    if (releases.isEmpty()) return List.of();
    for (FieldWrite w : refs.get(0).writesAfter()) {
      if (!truthy(w.value())) continue;
      if (releases.stream().allMatch(u -> u.guards().contains(w.field()))) {
        Observation u = releases.get(0);
        return List.of(
            WitnessGuard.writes(h.phase(), w.shown(), w.value(), refs.get(0).loc()),
            WitnessGuard.assumes(u.phase(), w.shown(), "false", u.loc()));
      }
    }
    return List.of();
  }

  private static boolean about(Observation o, HeldReference h, String device) {
    return o.subject().id().equals(h.region())
        && o.device() != null
        && o.device().name().equals(device);
  }

  private static boolean truthy(String value) {
    return !value.equals("false") && !value.equals("NULL") && !value.equals("0");
  }
}
