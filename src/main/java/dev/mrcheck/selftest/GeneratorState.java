package dev.mrcheck.selftest;

import dev.mrcheck.model.Operation;
import dev.mrcheck.model.RegionKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link ProgramGenerator} knows of the device while it draws statements, as a rough idea of
 * each region and address space (live, mapped, referenced, freed), so that most calls it draws are
 * defined C; and two walks of a drawn statement over it: {@link Replay}, what a reused helper's
 * call does, and {@link Rerun}, whether one more run of the run-time handler is defined.
 */
final class GeneratorState {
  /** An address space's root when it is system memory rather than one of the device's regions. */
  static final int SYSTEM_MEMORY_ROOT = -1;

  /** A region as the generator sees it. */
  static final class Region {
    boolean live;
    boolean everInit;
    RegionKind kind;

    /** As the init names it: null for NULL. */
    Slot owner;

    /** The container it is mapped in, or null. */
    Slot mappedIn;

    int refs;
    boolean allocated;
    boolean freed;

    /**
     * Unparented while nothing else held it: finalized, so its storage may be initialized again.
     */
    boolean finalized;
  }

  final List<Region> regions = new ArrayList<>();
  final int spaces;
  final boolean[] spaceLive;
  final int[] spaceRoot;

  /** Destroyed and not freed yet: the heap address space may be freed (the MR007 mistake). */
  final boolean[] spaceDestroyed;

  /** Aliases made of each region (the aliased region's index to the aliases' indices). */
  final Map<Integer, List<Integer>> aliasOf = new HashMap<>();

  GeneratorState(int spaces) {
    this.spaces = spaces;
    spaceLive = new boolean[spaces];
    spaceRoot = new int[spaces];
    spaceDestroyed = new boolean[spaces];
  }

  boolean isRoot(int region) {
    for (int as = 0; as < spaces; as++) if (spaceLive[as] && spaceRoot[as] == region) return true;
    return false;
  }

  /** A live alias points at the region (under refcount it holds a reference on it). */
  boolean aliased(int region) {
    return aliasOf.containsKey(region)
        && aliasOf.get(region).stream().anyMatch(a -> regions.get(a).live);
  }

  /**
   * What a call of a reused helper does to the state, as the method that made it did the first
   * time. A reused helper creates nothing and has no sections: inits and finds do not occur.
   */
  final class Replay extends GeneratedOperations<Void> {
    @Override
    public Void visitUnparent(Operation.Unparent<Slot> o) {
      int region = Slot.region(o.target());
      Region r = regions.get(region);
      r.live = false;
      r.finalized = r.mappedIn == null && r.refs == 0 && !isRoot(region) && !aliased(region);
      return null;
    }

    @Override
    public Void visitFree(Operation.Free<Slot> o) {
      if (o.addressSpace()) {
        spaceDestroyed[Slot.space(o.target())] = false;
        return null;
      }
      Region r = regions.get(Slot.region(o.target()));
      r.allocated = false;
      r.live = false;
      r.freed = true;
      r.refs = 0;
      return null;
    }

    @Override
    public Void visitMap(Operation.Map<Slot> o) {
      regions.get(Slot.region(o.region())).mappedIn = o.container();
      return null;
    }

    @Override
    public Void visitUnmap(Operation.Unmap<Slot> o) {
      regions.get(Slot.region(o.region())).mappedIn = null;
      return null;
    }

    @Override
    public Void visitRef(Operation.Ref<Slot> o) {
      regions.get(Slot.region(o.target())).refs++;
      return null;
    }

    @Override
    public Void visitUnref(Operation.Unref<Slot> o) {
      if (!(o.target() instanceof Slot.RegionAt at)) return null;
      regions.get(at.index()).refs = Math.max(0, regions.get(at.index()).refs - 1);
      return null;
    }

    @Override
    public Void visitAddressSpaceDestroy(Operation.AddressSpaceDestroy<Slot> o) {
      spaceLive[Slot.space(o.addressSpace())] = false;
      spaceDestroyed[Slot.space(o.addressSpace())] = true;
      return null;
    }

    @Override
    public Void visitInit(Operation.Init<Slot> o) {
      return null;
    }

    @Override
    public Void visitAddressSpaceInit(Operation.AddressSpaceInit<Slot> o) {
      return null;
    }

    @Override
    public Void visitFind(Operation.Find<Slot> o) {
      return null;
    }
  }

  /**
   * One more run of the run-time handler on the generator's state: false at the first call that
   * would be undefined there (what the generator's draws would not pick), the state as it leaves
   * the handler otherwise.
   */
  final class Rerun extends GeneratedOperations<Boolean> {
    @Override
    public Boolean visitInit(Operation.Init<Slot> o) {
      Region r = regions.get(Slot.region(o.region()));
      if (r.live || r.mappedIn != null || r.freed || r.everInit && !r.finalized) return false;
      if (o.aliasTarget() != null && !regions.get(Slot.region(o.aliasTarget())).live) return false;
      r.live = true;
      r.owner = o.owner();
      r.kind = o.kind();
      r.refs = 0;
      r.allocated = true;
      r.finalized = false;
      return true;
    }

    @Override
    public Boolean visitMap(Operation.Map<Slot> o) {
      Region r = regions.get(Slot.region(o.region()));
      if (!r.live
          || r.mappedIn != null
          || o.container() instanceof Slot.RegionAt at && !regions.get(at.index()).live)
        return false;
      r.mappedIn = o.container();
      return true;
    }

    @Override
    public Boolean visitUnmap(Operation.Unmap<Slot> o) {
      Region r = regions.get(Slot.region(o.region()));
      if (r.mappedIn == null || !r.mappedIn.equals(o.container())) return false;
      r.mappedIn = null;
      return true;
    }

    @Override
    public Boolean visitRef(Operation.Ref<Slot> o) {
      Region r = regions.get(Slot.region(o.target()));
      if (!r.live) return false;
      r.refs++;
      return true;
    }

    @Override
    public Boolean visitUnref(Operation.Unref<Slot> o) {
      // A section's reference is the handler's own, taken by this run's memory_region_find.
      if (!(o.target() instanceof Slot.RegionAt at)) return true;
      Region r = regions.get(at.index());
      if (r.refs == 0) return false;
      r.refs--;
      return true;
    }

    @Override
    public Boolean visitUnparent(Operation.Unparent<Slot> o) {
      if (!regions.get(Slot.region(o.target())).live) return false;
      new Replay().visitUnparent(o);
      return true;
    }

    @Override
    public Boolean visitFree(Operation.Free<Slot> o) {
      if (o.addressSpace()) {
        if (!spaceDestroyed[Slot.space(o.target())]) return false;
      } else {
        Region r = regions.get(Slot.region(o.target()));
        if (!r.allocated || r.mappedIn != null || r.refs > 0 && r.owner != null) return false;
      }
      new Replay().visitFree(o);
      return true;
    }

    @Override
    public Boolean visitAddressSpaceInit(Operation.AddressSpaceInit<Slot> o) {
      int as = Slot.space(o.addressSpace());
      if (spaceLive[as] || o.root() instanceof Slot.RegionAt at && !regions.get(at.index()).live)
        return false;
      spaceLive[as] = true;
      spaceDestroyed[as] = false;
      spaceRoot[as] = o.root() instanceof Slot.RegionAt at ? at.index() : SYSTEM_MEMORY_ROOT;
      return true;
    }

    @Override
    public Boolean visitAddressSpaceDestroy(Operation.AddressSpaceDestroy<Slot> o) {
      if (!spaceLive[Slot.space(o.addressSpace())]) return false;
      new Replay().visitAddressSpaceDestroy(o);
      return true;
    }

    @Override
    public Boolean visitFind(Operation.Find<Slot> o) {
      return true;
    }
  }
}
