package dev.mrcheck.selftest;

import dev.mrcheck.model.Operation;
import dev.mrcheck.runtime.AddressSpace;
import dev.mrcheck.runtime.Region;
import dev.mrcheck.selftest.DeviceProgram.ApiCall;
import dev.mrcheck.selftest.DeviceProgram.Stmt;
import java.util.HashSet;

/**
 * What a call acts on in an execution, as things are when it runs: the region it names (its
 * subject), the container (for an alias init: the aliased region), the address space. Null where
 * the call names none or the program has not made it (yet) on this path.
 */
final class StatementOperands extends GeneratedOperations<StatementOperands.Operands> {
  record Operands(Region subject, Region container, AddressSpace space) {}

  private final ExecutionState state;

  StatementOperands(ExecutionState state) {
    this.state = state;
  }

  /** The region a slot names: a field's, system memory, or the peer's region a section found. */
  private Region region(Slot s) {
    if (s instanceof Slot.RegionAt r) return state.regions.get(r.index());
    if (s instanceof Slot.SectionAt) return state.peerRegion();
    if (s == Slot.Fixed.SYSTEM_MEMORY) return state.systemMemory;
    if (s == Slot.Fixed.BACKEND) return state.backendRegion();
    if (s == Slot.Fixed.FACTORY_REGION) return state.factoryRegion;
    throw new IllegalStateException("no region in slot " + s);
  }

  private static Operands subject(Region r) {
    return new Operands(r, null, null);
  }

  private Operands space(Slot s) {
    return new Operands(null, null, state.spaces.get(((Slot.SpaceAt) s).index()));
  }

  @Override
  public Operands visitInit(Operation.Init<Slot> o) {
    return new Operands(null, o.aliasTarget() == null ? null : region(o.aliasTarget()), null);
  }

  @Override
  public Operands visitMap(Operation.Map<Slot> o) {
    return new Operands(region(o.region()), region(o.container()), null);
  }

  @Override
  public Operands visitUnmap(Operation.Unmap<Slot> o) {
    return new Operands(region(o.region()), region(o.container()), null);
  }

  @Override
  public Operands visitRef(Operation.Ref<Slot> o) {
    return subject(region(o.target()));
  }

  @Override
  public Operands visitUnref(Operation.Unref<Slot> o) {
    return subject(region(o.target()));
  }

  @Override
  public Operands visitUnparent(Operation.Unparent<Slot> o) {
    return subject(region(o.target()));
  }

  @Override
  public Operands visitFree(Operation.Free<Slot> o) {
    return o.addressSpace() ? space(o.target()) : subject(region(o.target()));
  }

  @Override
  public Operands visitAddressSpaceInit(Operation.AddressSpaceInit<Slot> o) {
    return subject(region(o.root()));
  }

  @Override
  public Operands visitAddressSpaceDestroy(Operation.AddressSpaceDestroy<Slot> o) {
    return space(o.addressSpace());
  }

  @Override
  public Operands visitFind(Operation.Find<Slot> o) {
    return subject(region(o.reference()));
  }

  /**
   * Whether a call needs a region or address space no statement of the program initializes
   * (g_free(NULL) does not): zeroed memory in every scenario, so the call is undefined C.
   */
  static final class NeverMade extends GeneratedOperations<Boolean> {
    private final ExecutionState state;

    NeverMade(ExecutionState state) {
      this.state = state;
      if (state.madeRegions == null) {
        state.madeRegions = new HashSet<>();
        state.madeSpaces = new HashSet<>();
        for (Stmt any : state.program.statements()) {
          if (!(any instanceof ApiCall c)) continue;
          if (c.operation() instanceof Operation.Init<Slot> i)
            state.madeRegions.add(Slot.region(i.region()));
          if (c.operation() instanceof Operation.AddressSpaceInit<Slot> a)
            state.madeSpaces.add(((Slot.SpaceAt) a.addressSpace()).index());
        }
      }
    }

    /** A region field no init makes; system memory and a section's region are never that. */
    private boolean never(Slot s) {
      return s instanceof Slot.RegionAt r && !state.madeRegions.contains(r.index());
    }

    @Override
    public Boolean visitInit(Operation.Init<Slot> o) {
      return o.aliasTarget() != null && never(o.aliasTarget());
    }

    @Override
    public Boolean visitMap(Operation.Map<Slot> o) {
      return never(o.region()) || never(o.container());
    }

    @Override
    public Boolean visitUnmap(Operation.Unmap<Slot> o) {
      return never(o.region()) || never(o.container());
    }

    @Override
    public Boolean visitRef(Operation.Ref<Slot> o) {
      return never(o.target());
    }

    @Override
    public Boolean visitUnref(Operation.Unref<Slot> o) {
      return never(o.target());
    }

    @Override
    public Boolean visitUnparent(Operation.Unparent<Slot> o) {
      return never(o.target());
    }

    /** g_free of a never-made region frees NULL, which is fine. */
    @Override
    public Boolean visitFree(Operation.Free<Slot> o) {
      return false;
    }

    @Override
    public Boolean visitAddressSpaceInit(Operation.AddressSpaceInit<Slot> o) {
      return never(o.root());
    }

    @Override
    public Boolean visitAddressSpaceDestroy(Operation.AddressSpaceDestroy<Slot> o) {
      return !state.madeSpaces.contains(((Slot.SpaceAt) o.addressSpace()).index());
    }

    @Override
    public Boolean visitFind(Operation.Find<Slot> o) {
      return false;
    }
  }
}
