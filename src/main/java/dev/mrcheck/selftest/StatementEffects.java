package dev.mrcheck.selftest;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Misowning;
import dev.mrcheck.model.Role;
import dev.mrcheck.runtime.AddressSpace;
import dev.mrcheck.runtime.QObject;
import dev.mrcheck.runtime.Region;
import dev.mrcheck.selftest.DeviceProgram.AddSubregion;
import dev.mrcheck.selftest.DeviceProgram.AddressSpaceDestroy;
import dev.mrcheck.selftest.DeviceProgram.AddressSpaceInit;
import dev.mrcheck.selftest.DeviceProgram.CallHelper;
import dev.mrcheck.selftest.DeviceProgram.DelSubregion;
import dev.mrcheck.selftest.DeviceProgram.Find;
import dev.mrcheck.selftest.DeviceProgram.Free;
import dev.mrcheck.selftest.DeviceProgram.FreeAddressSpace;
import dev.mrcheck.selftest.DeviceProgram.IfError;
import dev.mrcheck.selftest.DeviceProgram.Init;
import dev.mrcheck.selftest.DeviceProgram.Ref;
import dev.mrcheck.selftest.DeviceProgram.Unparent;
import dev.mrcheck.selftest.DeviceProgram.Unref;
import dev.mrcheck.selftest.DeviceProgram.UnrefFound;

/**
 * Runs one statement in an execution's {@link dev.mrcheck.runtime.RuntimeModel}, on the operands
 * {@link StatementOperands} resolved (all present: the execution skips a call that lacks one), and
 * records what it made. Returns the address space the call ends with: a new one for an init, else
 * the one it acted on.
 */
final class StatementEffects implements DeviceProgram.Visitor<AddressSpace> {
  private final ExecutionState state;
  private final SourceLoc loc;
  private final Region subject;
  private final Region container;
  private final AddressSpace space;

  StatementEffects(
      ExecutionState state, SourceLoc loc, Region subject, Region container, AddressSpace space) {
    this.state = state;
    this.loc = loc;
    this.subject = subject;
    this.container = container;
    this.space = space;
  }

  /** Run-time code (no lifecycle phase) destroying a live region: MR010's question. */
  private boolean destroysAtRunTime() {
    return state.phase == null && subject.parent() != null && !subject.isFinalized();
  }

  @Override
  public AddressSpace visitInit(Init i) {
    String path = CRenderer.region(state.program, i.region()).replace("&", "");
    if (i.owner() == DeviceProgram.Owner.REGION) {
      state.regions.put(
          i.region(),
          state.model.initMisownedRegion(
              path,
              i.kind(),
              Misowning.THE_REGION,
              CRenderer.region(state.program, i.region()),
              state.device,
              loc));
    } else {
      QObject owner =
          switch (i.owner()) {
            case SELF -> state.device;
            case OTHER -> state.peer;
            default -> null;
          };
      state.regions.put(i.region(), state.model.initRegion(path, owner, i.kind(), container, loc));
    }
    // Run-time code (no lifecycle phase) creating a region: MR010's question.
    if (state.phase == null)
      state.model.runtimeRegionChange(state.regions.get(i.region()), state.device, "created", loc);
    return space;
  }

  @Override
  public AddressSpace visitAddSubregion(AddSubregion s) {
    state.model.addSubregion(container, subject, loc);
    return space;
  }

  @Override
  public AddressSpace visitDelSubregion(DelSubregion s) {
    state.model.delSubregion(container, subject, loc);
    return space;
  }

  @Override
  public AddressSpace visitRef(Ref s) {
    state.model.ref(subject, state.device, loc);
    return space;
  }

  @Override
  public AddressSpace visitUnref(Unref s) {
    state.model.unref(subject, state.device, loc);
    return space;
  }

  @Override
  public AddressSpace visitUnparent(Unparent s) {
    boolean destroys = destroysAtRunTime();
    if (state.phase != Role.INSTANCE_FINALIZE && subject.parent() != null && !state.teardownBegun) {
      state.finalizedBeforeDevice.add(subject);
    }
    state.model.unparentRegion(subject, loc);
    if (destroys)
      state.model.runtimeRegionChange(subject, state.device, "destroyed (object_unparent)", loc);
    return space;
  }

  @Override
  public AddressSpace visitFree(Free s) {
    boolean destroys = destroysAtRunTime();
    if (!subject.isFinalized()) state.freedAlive.add(subject);
    state.model.freeRegion(subject, loc);
    if (destroys) state.model.runtimeRegionChange(subject, state.device, "freed", loc);
    return space;
  }

  @Override
  public AddressSpace visitAddressSpaceInit(AddressSpaceInit a) {
    // Kept by the device: once it is finalized nobody can destroy the address space any more.
    AddressSpace as = state.model.addressSpaceInit("s->as" + a.space(), subject, state.device, loc);
    state.spaces.put(a.space(), as);
    return as;
  }

  @Override
  public AddressSpace visitAddressSpaceDestroy(AddressSpaceDestroy s) {
    state.model.addressSpaceDestroy(space, loc);
    return space;
  }

  @Override
  public AddressSpace visitFreeAddressSpace(FreeAddressSpace f) {
    if (f.rcu()) state.model.gFreeRcu(space, loc);
    else state.model.gFree(space, loc);
    return space;
  }

  @Override
  public AddressSpace visitFind(Find f) {
    state.model.ref(subject, state.section(f.section()), loc);
    return space;
  }

  @Override
  public AddressSpace visitUnrefFound(UnrefFound u) {
    state.model.unref(subject, state.section(u.section()), loc);
    return space;
  }

  @Override
  public AddressSpace visitCallHelper(CallHelper s) {
    throw new IllegalStateException("a helper call is run by Execution.body, not as one call");
  }

  @Override
  public AddressSpace visitIfError(IfError s) {
    throw new IllegalStateException("an error branch is run by Execution.body, not as one call");
  }
}
