package dev.mrcheck.selftest;

import dev.mrcheck.model.Role;
import java.util.function.IntConsumer;

/**
 * How the runtime model's observations map to one rule: the reference the analyzer is compared
 * with. An oracle looks at each call just before the model executes it, just after, and at the end
 * of a scenario, and reports the lines where its rule is violated. {@link RuleOracles} holds the
 * table; a new rule is one entry there.
 */
public interface RuleOracle {
  String ruleId();

  /**
   * The only lifecycle phase whose code the rule is about (MR004: instance_finalize), or null. A
   * finding at a line the model never ran in that phase cannot be judged.
   */
  default Role phase() {
    return null;
  }

  /**
   * Before the model executes {@code call} (its subject and container are resolved, its outcomes
   * empty).
   */
  default void before(ModelState state, ModelState.Call call, IntConsumer violatedAt) {}

  /**
   * After the model executed {@code call}; {@code call.outcomes()} are what it observed going
   * wrong.
   */
  default void after(ModelState state, ModelState.Call call, IntConsumer violatedAt) {}

  /**
   * When instance_finalize is about to run on a torn-down device: what is still held or mapped now
   * is only released, if at all, by instance_finalize, which docs/lifetime.md#phases does not count
   * as cleanup.
   */
  default void beforeFinalize(ModelState state, IntConsumer violatedAt) {}

  /**
   * After a torn-down device that a leak kept alive was finalized anyway (after {@link #atEnd}):
   * what its instance_finalize released is now released, as the analysis assumes.
   */
  default void afterForcedFinalize(ModelState state, IntConsumer violatedAt) {}

  /**
   * Whether {@link #before} also sees the calls of instance_finalize when a leak kept the torn-down
   * device alive after unrealize (LIFETIME) and the model finalizes it anyway. No other scenario
   * reaches the state unrealize leaves, and the analysis reads that instance_finalize as if the
   * leak were fixed; a rule about single calls there opts in. Rules about what is left behind do
   * not.
   */
  default boolean judgesLeakedFinalize() {
    return false;
  }

  /** At the end of the scenario: leaks, things left mapped. */
  default void atEnd(ModelState state, IntConsumer violatedAt) {}
}
