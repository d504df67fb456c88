package dev.mrcheck.rules;

import dev.mrcheck.analysis.Fact;
import dev.mrcheck.analysis.Place;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;

/**
 * One step of a witness: an operation whose operands are the analysis' places (canonical id, and
 * how the code spells it). {@code phase} null means run-time code (after realize, before
 * unrealize). {@code owner} says, for an {@link Operation.Init}, who owns the region (the owner
 * operand only carries the owner's spelling, with no id); null for other steps.
 *
 * <p>What the operands are where a step differs from the API model: an init's and a misowned init's
 * {@code owner} is {@link Witnesses#shownOnly} (no id); an unmap's {@code container} may be null (a
 * container the witness does not name); an address-space map's {@code region} is null.
 */
public record WitnessStep(Role phase, Operation<Place> operation, Fact.Owner owner, SourceLoc loc) {
  /** A step other than an init. */
  public WitnessStep(Role phase, Operation<Place> operation, SourceLoc loc) {
    this(phase, operation, null, loc);
  }

  /** What the step acts on. */
  public Place subject() {
    return operation.subject();
  }
}
