package dev.mrcheck.analysis;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Operand;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import java.util.List;

/**
 * One modelled API effect met during a replay, with the state just before it. {@code subject} is
 * the region/object/address space it acts on; {@code other} the container, owner or root where the
 * effect has one. {@code phase} is the lifecycle role whose replay reached it (null: run-time
 * code), {@code device} the replayed type (null when no type could be linked), {@code chain} the
 * calls from the replay's root down to the call, {@code function} the function containing it,
 * {@code node} the CFG node (unique within the program), {@code ownerShape} for a region's init
 * what its owner argument is (null for other effects), {@code madeWhereBlank} for an init whether
 * every path to it tested a member of the region null or zero: made only where it was not made yet,
 * once (a MemoryRegion is all zeroes until its init).
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
    boolean madeWhereBlank) {
  public Observation {
    chain = List.copyOf(chain);
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
