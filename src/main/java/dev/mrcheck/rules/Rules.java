package dev.mrcheck.rules;

import java.util.List;

/** The registry of every rule, in id order. */
public final class Rules {
  private Rules() {}

  public static List<Rule> all() {
    return List.of(
        new OwnerCycleRule(),
        new UnparentWhileMappedRule(),
        new OwnerlessFreeRule(),
        new FinalizeMisuseRule(),
        new ForeignContainerLeakRule(),
        new RefImbalanceRule(),
        new AddressSpaceLifecycleRule(),
        new InitSideEffectRule(),
        new OwnerMisuseRule(),
        new DynamicRegionRule());
  }
}
