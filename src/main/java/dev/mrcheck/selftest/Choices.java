package dev.mrcheck.selftest;

import java.util.Random;

/**
 * Where the generator's decisions come from. Each decision is a number below a bound, and 0 is
 * always the simplest answer (fewest statements, first kind), so a source that runs dry, or one a
 * shrinker made smaller, yields a smaller program. The CLI and the tests draw from a seeded {@link
 * Random}; {@link #of(List)} replays a fixed list of decisions.
 */
public interface Choices {
  /** A decision in {@code [0, bound)}; {@code bound} is at least 1. */
  int next(int bound);

  /** True with probability about {@code percent}/100 (false when the source is exhausted). */
  default boolean chance(int percent) {
    return next(100) >= 100 - percent;
  }

  static Choices of(Random random) {
    return random::nextInt;
  }
}
