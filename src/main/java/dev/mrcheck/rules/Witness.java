package dev.mrcheck.rules;

import java.util.List;

/**
 * The lifecycle a finding claims, as steps the runtime model can replay: the regions involved with
 * their owners and kinds, the API calls in lifecycle order, and the outcome the rule predicts.
 * {@code hotpluggable} says whether the replayed device is unrealized. {@code guards} are the
 * conditions the path assumed and the field values it wrote, as far as the rule knows them: the
 * model refutes a witness whose guards contradict each other.
 */
public record Witness(
    String device,
    boolean hotpluggable,
    List<WitnessStep> steps,
    Expectation expected,
    List<WitnessGuard> guards) {
  public Witness {
    steps = List.copyOf(steps);
    guards = guards == null ? List.of() : List.copyOf(guards);
  }

  /** A witness whose path relies on no condition the analysis recorded. */
  public Witness(
      String device, boolean hotpluggable, List<WitnessStep> steps, Expectation expected) {
    this(device, hotpluggable, steps, expected, List.of());
  }

  /** What the model must observe for the finding to be confirmed. */
  public enum Expectation {
    /** MR001: the device is never finalized; a reference cycle through its own region holds it. */
    OWNER_LEAK,
    /**
     * MR002: the region is finalized while still in a container or the root of an address space.
     */
    FINALIZED_WHILE_MAPPED,
    /** MR003: a region with no owner is destroyed although nothing reference-counts it. */
    OWNERLESS_DESTROYED,
    /**
     * MR004: a call from instance_finalize on a region already finalized with its owner's children.
     */
    USE_AFTER_FINALIZE,
    /**
     * MR006, MR007: a reference, mapping or registered address space that nobody can release any
     * more.
     */
    UNRELEASED,
    /**
     * MR007: an address_space_destroy whose RCU callback is overwritten or freed, so it never takes
     * effect.
     */
    DESTROY_LOST,
    /** MR009: the wrong owner makes QEMU abort, leak the region, or free it wrongly. */
    OWNER_MISUSE,
    /** MR010: a region other than an alias or container created or destroyed at run time. */
    DYNAMIC_REGION
  }
}
