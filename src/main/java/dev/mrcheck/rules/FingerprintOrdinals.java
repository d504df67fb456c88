package dev.mrcheck.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes fingerprints unique within a scan. Two findings can share every part of the recipe (rule,
 * file, function, subject, call): the same call on the same region twice in one function. Baselines
 * and code scanning need one fingerprint per finding, and one that survives lines moving, so the
 * n-th finding (n &ge; 2, in source order) of a shared fingerprint gets the hash of that
 * fingerprint and its ordinal: inserting lines above keeps the order, hence the fingerprints.
 */
public final class FingerprintOrdinals {
  private FingerprintOrdinals() {}

  /**
   * {@code findings} in source order, the second and later of each fingerprint re-keyed by ordinal.
   */
  public static List<Finding> disambiguate(List<Finding> findings) {
    Map<String, Integer> seen = new HashMap<>();
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      int ordinal = seen.merge(f.fingerprint(), 1, Integer::sum);
      out.add(ordinal == 1 ? f : f.withFingerprint(Fingerprint.of(f.fingerprint(), "#" + ordinal)));
    }
    return out;
  }
}
