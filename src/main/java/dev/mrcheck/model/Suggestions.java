package dev.mrcheck.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "did you mean" for misspelt verbs, keys, parameters, kinds and roles. */
final class Suggestions {
  private static final int MAX_DISTANCE = 2;

  private Suggestions() {}

  /** {@code "; did you mean 'owner'?"}, or the empty string when nothing is close. */
  static String didYouMean(String written, Collection<String> candidates) {
    return closest(written, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
  }

  static Optional<String> closest(String written, Collection<String> candidates) {
    return candidates.stream()
        .filter(c -> distance(written, c) <= MAX_DISTANCE && distance(written, c) < c.length())
        .min(Comparator.comparingInt((String c) -> distance(written, c)).thenComparing(c -> c));
  }

  /** Levenshtein distance; the words involved are short. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
