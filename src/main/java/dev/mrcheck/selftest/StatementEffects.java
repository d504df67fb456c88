package dev.mrcheck.selftest;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Misowning;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import dev.mrcheck.runtime.AddressSpace;
import dev.mrcheck.runtime.Holder;
import dev.mrcheck.runtime.QObject;
import dev.mrcheck.runtime.Region;

/**
 * Runs one statement in an execution's {@link dev.mrcheck.runtime.RuntimeModel}, on the operands
 * {@link StatementOperands} resolved (all present: the execution skips a call that lacks one), and
 * records what it made. Returns the address space the call ends with: a new one for an init, else
 * the one it acted on.
 */
final class StatementEffects extends GeneratedOperations<AddressSpace> {
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
  public AddressSpace visitInit(Operation.Init<Slot> i) {
    if (i.region() == Slot.Fixed.FACTORY_REGION) {
      // The factory-made object's region, owned by that object (PlainObject).
      state.factoryRegion =
          state.model.initRegion("map->mr", state.factoryObject, i.kind(), null, loc);
      return space;
    }
    int region = Slot.region(i.region());
    String path = CRenderer.region(state.program, region).replace("&", "");
    if (i.owner() instanceof Slot.RegionAt) {
      state.regions.put(
          region,
          state.model.initMisownedRegion(
              path,
              i.kind(),
              Misowning.THE_REGION,
              CRenderer.region(state.program, region),
              state.device,
              loc));
    } else {
      QObject owner =
          i.owner() == Slot.Fixed.SELF
              ? state.device
              : i.owner() == Slot.Fixed.PEER ? state.peer : null;
      state.regions.put(region, state.model.initRegion(path, owner, i.kind(), container, loc));
    }
    // Run-time code (no lifecycle phase) creating a region: MR010's question.
    if (state.phase == null)
      state.model.runtimeRegionChange(state.regions.get(region), state.device, "created", loc);
    return space;
  }

  @Override
  public AddressSpace visitMap(Operation.Map<Slot> o) {
    state.model.addSubregion(container, subject, loc);
    return space;
  }

  @Override
  public AddressSpace visitUnmap(Operation.Unmap<Slot> o) {
    state.model.delSubregion(container, subject, loc);
    return space;
  }

  @Override
  public AddressSpace visitRef(Operation.Ref<Slot> o) {
    state.model.ref(subject, state.device, loc);
    return space;
  }

  /** The device's reference, or the one a section's memory_region_find took. */
  @Override
  public AddressSpace visitUnref(Operation.Unref<Slot> o) {
    state.model.unref(subject, holder(o.target()), loc);
    return space;
  }

  @Override
  public AddressSpace visitUnparent(Operation.Unparent<Slot> o) {
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
  public AddressSpace visitFree(Operation.Free<Slot> f) {
    if (f.addressSpace()) {
      if (f.rcu()) state.model.gFreeRcu(space, loc);
      else state.model.gFree(space, loc);
      return space;
    }
    boolean destroys = destroysAtRunTime();
    if (!subject.isFinalized()) state.freedAlive.add(subject);
    state.model.freeRegion(subject, loc);
    if (destroys) state.model.runtimeRegionChange(subject, state.device, "freed", loc);
    return space;
  }

  @Override
  public AddressSpace visitAddressSpaceInit(Operation.AddressSpaceInit<Slot> a) {
    // Kept by the device: once it is finalized nobody can destroy the address space any more.
    int index = ((Slot.SpaceAt) a.addressSpace()).index();
    AddressSpace as = state.model.addressSpaceInit("s->as" + index, subject, state.device, loc);
    state.spaces.put(index, as);
    return as;
  }

  @Override
  public AddressSpace visitAddressSpaceDestroy(Operation.AddressSpaceDestroy<Slot> s) {
    state.model.addressSpaceDestroy(space, loc);
    return space;
  }

  @Override
  public AddressSpace visitFind(Operation.Find<Slot> f) {
    state.model.ref(subject, holder(f.reference()), loc);
    return space;
  }

  private Holder holder(Slot s) {
    return s instanceof Slot.SectionAt sec ? state.section(sec.index()) : state.device;
  }
}
