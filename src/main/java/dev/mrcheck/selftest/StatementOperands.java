package dev.mrcheck.selftest;

import dev.mrcheck.runtime.AddressSpace;
import dev.mrcheck.runtime.Region;
import dev.mrcheck.selftest.DeviceProgram.AddSubregion;
import dev.mrcheck.selftest.DeviceProgram.AddressSpaceDestroy;
import dev.mrcheck.selftest.DeviceProgram.AddressSpaceInit;
import dev.mrcheck.selftest.DeviceProgram.CallHelper;
import dev.mrcheck.selftest.DeviceProgram.Container;
import dev.mrcheck.selftest.DeviceProgram.DelSubregion;
import dev.mrcheck.selftest.DeviceProgram.Find;
import dev.mrcheck.selftest.DeviceProgram.Free;
import dev.mrcheck.selftest.DeviceProgram.FreeAddressSpace;
import dev.mrcheck.selftest.DeviceProgram.IfError;
import dev.mrcheck.selftest.DeviceProgram.Init;
import dev.mrcheck.selftest.DeviceProgram.Ref;
import dev.mrcheck.selftest.DeviceProgram.Stmt;
import dev.mrcheck.selftest.DeviceProgram.Unparent;
import dev.mrcheck.selftest.DeviceProgram.Unref;
import dev.mrcheck.selftest.DeviceProgram.UnrefFound;
import java.util.HashSet;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * What a statement acts on in an execution, as things are when it runs: the region it names (its
 * subject), the container (for an alias init: the aliased region), the address space. Null where
 * the statement names none or the program has not made it (yet) on this path.
 */
final class StatementOperands implements DeviceProgram.Visitor<StatementOperands.Operands> {
  record Operands(Region subject, Region container, AddressSpace space) {}

  private final ExecutionState state;

  StatementOperands(ExecutionState state) {
    this.state = state;
  }

  private Region region(int n) {
    return state.regions.get(n);
  }

  private static Operands subject(Region r) {
    return new Operands(r, null, null);
  }

  @Override
  public Operands visitInit(Init s) {
    return new Operands(null, s.aliasOf() >= 0 ? region(s.aliasOf()) : null, null);
  }

  @Override
  public Operands visitAddSubregion(AddSubregion s) {
    return new Operands(region(s.region()), state.container(s.container()), null);
  }

  @Override
  public Operands visitDelSubregion(DelSubregion s) {
    return new Operands(region(s.region()), state.container(s.container()), null);
  }

  @Override
  public Operands visitRef(Ref s) {
    return subject(region(s.region()));
  }

  @Override
  public Operands visitUnref(Unref s) {
    return subject(region(s.region()));
  }

  @Override
  public Operands visitUnparent(Unparent s) {
    return subject(region(s.region()));
  }

  @Override
  public Operands visitFree(Free s) {
    return subject(region(s.region()));
  }

  @Override
  public Operands visitAddressSpaceInit(AddressSpaceInit s) {
    return subject(s.overSystemMemory() ? state.systemMemory : region(s.root()));
  }

  @Override
  public Operands visitAddressSpaceDestroy(AddressSpaceDestroy s) {
    return new Operands(null, null, state.spaces.get(s.space()));
  }

  @Override
  public Operands visitFreeAddressSpace(FreeAddressSpace s) {
    return new Operands(null, null, state.spaces.get(s.space()));
  }

  @Override
  public Operands visitFind(Find s) {
    return subject(state.peerRegion());
  }

  @Override
  public Operands visitUnrefFound(UnrefFound s) {
    return subject(state.peerRegion());
  }

  @Override
  public Operands visitCallHelper(CallHelper s) {
    throw new IllegalStateException(
        "a helper call is run by Execution.body, it acts on nothing itself");
  }

  @Override
  public Operands visitIfError(IfError s) {
    throw new IllegalStateException(
        "an error branch is run by Execution.body, it acts on nothing itself");
  }

  /**
   * Whether a statement needs a region or address space no statement of the program initializes
   * (g_free(NULL) does not): zeroed memory in every scenario, so the call is undefined C.
   */
  static final class NeverMade implements DeviceProgram.Visitor<Boolean> {
    private final ExecutionState state;
    private final IntPredicate never;
    private final Predicate<Container> neverContainer;

    NeverMade(ExecutionState state) {
      this.state = state;
      if (state.madeRegions == null) {
        state.madeRegions = new HashSet<>();
        state.madeSpaces = new HashSet<>();
        for (Stmt any : state.program.statements()) {
          if (any instanceof Init i) state.madeRegions.add(i.region());
          if (any instanceof AddressSpaceInit a) state.madeSpaces.add(a.space());
        }
      }
      never = r -> !state.madeRegions.contains(r);
      neverContainer = c -> !c.isSystemMemory() && never.test(c.region());
    }

    @Override
    public Boolean visitInit(Init s) {
      return s.aliasOf() >= 0 && never.test(s.aliasOf());
    }

    @Override
    public Boolean visitAddSubregion(AddSubregion s) {
      return never.test(s.region()) || neverContainer.test(s.container());
    }

    @Override
    public Boolean visitDelSubregion(DelSubregion s) {
      return never.test(s.region()) || neverContainer.test(s.container());
    }

    @Override
    public Boolean visitRef(Ref s) {
      return never.test(s.region());
    }

    @Override
    public Boolean visitUnref(Unref s) {
      return never.test(s.region());
    }

    @Override
    public Boolean visitUnparent(Unparent s) {
      return never.test(s.region());
    }

    /** g_free of a never-made region frees NULL, which is fine. */
    @Override
    public Boolean visitFree(Free s) {
      return false;
    }

    @Override
    public Boolean visitAddressSpaceInit(AddressSpaceInit s) {
      return !s.overSystemMemory() && never.test(s.root());
    }

    @Override
    public Boolean visitAddressSpaceDestroy(AddressSpaceDestroy s) {
      return !state.madeSpaces.contains(s.space());
    }

    @Override
    public Boolean visitFreeAddressSpace(FreeAddressSpace s) {
      return false;
    }

    @Override
    public Boolean visitFind(Find s) {
      return false;
    }

    @Override
    public Boolean visitUnrefFound(UnrefFound s) {
      return false;
    }

    @Override
    public Boolean visitCallHelper(CallHelper s) {
      return false;
    }

    @Override
    public Boolean visitIfError(IfError s) {
      return false;
    }
  }
}
