package dev.mrcheck.analysis;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Operand;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import java.util.List;
import java.util.Set;

/**
 * One modelled API effect met during a replay, with the state just before it. {@code subject} is
 * the region/object/address space it acts on; {@code other} the container, owner or root where the
 * effect has one. {@code phase} is the lifecycle role whose replay reached it (null: run-time
 * code), {@code device} the replayed type (null when no type could be linked), {@code chain} the
 * calls from the replay's root down to the call, {@code function} the function containing it,
 * {@code node} the CFG node (unique within the program), {@code ownerShape} for a region's init
 * what its owner argument is (null for other effects), {@code madeWhereBlank} for an init whether
 * every path to it tested a member of the region null or zero: made only where it was not made yet,
 * once (a MemoryRegion is all zeroes until its init). {@code guards} are the fields tested true on
 * every path to the call, {@code writesAfter} the constants the code writes to fields right after
 * it (until the next branch, through helpers called there), {@code conditions} every condition on
 * every path to the call within its function (named or not): what a witness records for the runtime
 * model to refute with.
 */
public record Observation(
    Operation<Operand> effect,
    String callee,
    Place subject,
    Place other,
    SourceLoc loc,
    String function,
    Role phase,
    DeviceType device,
    List<TraceStep> chain,
    RegionState before,
    String node,
    OwnerShape ownerShape,
    boolean madeWhereBlank,
    Set<String> guards,
    List<FieldWrite> writesAfter,
    List<PathCondition> conditions) {
  public Observation {
    chain = List.copyOf(chain);
    guards = guards == null ? Set.of() : Set.copyOf(guards);
    writesAfter = writesAfter == null ? List.of() : List.copyOf(writesAfter);
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
  }

  /** An effect whose path conditions and following writes are not recorded. */
  public Observation(
      Operation<Operand> effect,
      String callee,
      Place subject,
      Place other,
      SourceLoc loc,
      String function,
      Role phase,
      DeviceType device,
      List<TraceStep> chain,
      RegionState before,
      String node,
      OwnerShape ownerShape,
      boolean madeWhereBlank) {
    this(
        effect,
        callee,
        subject,
        other,
        loc,
        function,
        phase,
        device,
        chain,
        before,
        node,
        ownerShape,
        madeWhereBlank,
        Set.of(),
        List.of(),
        List.of());
  }

  /** An effect other than a region's init: there is no owner argument to classify. */
  public Observation(
      Operation<Operand> effect,
      String callee,
      Place subject,
      Place other,
      SourceLoc loc,
      String function,
      Role phase,
      DeviceType device,
      List<TraceStep> chain,
      RegionState before,
      String node) {
    this(effect, callee, subject, other, loc, function, phase, device, chain, before, node, null);
  }

  /** An init, or an effect with an owner shape, not known to be guarded by "not made yet". */
  public Observation(
      Operation<Operand> effect,
      String callee,
      Place subject,
      Place other,
      SourceLoc loc,
      String function,
      Role phase,
      DeviceType device,
      List<TraceStep> chain,
      RegionState before,
      String node,
      OwnerShape ownerShape) {
    this(
        effect,
        callee,
        subject,
        other,
        loc,
        function,
        phase,
        device,
        chain,
        before,
        node,
        ownerShape,
        false);
  }

  public String phaseName() {
    return phase == null ? "run-time code" : phase.modelName();
  }
}
