package dev.mrcheck.runtime;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.RegionKind;

/**
 * One replayed memory-API call of a device's lifecycle function. Regions, address spaces and
 * mappings are named by the access path the analysis resolved ({@code s->mmio}, {@code
 * system_memory}); {@code description} is the call as written, for the trace.
 */
public sealed interface MemoryEvent {
  SourceLoc loc();

  String description();

  /**
   * The one dispatch on the events: a new event adds a method to {@link Visitor}, which names every
   * replayer.
   */
  <R> R accept(Visitor<R> v);

  /** One method per event; see {@link #accept}. */
  interface Visitor<R> {
    R visitInitRegion(InitRegion e);

    R visitAddSubregion(AddSubregion e);

    R visitDelSubregion(DelSubregion e);

    R visitRef(Ref e);

    R visitUnref(Unref e);

    R visitUnparent(Unparent e);

    R visitFreeRegion(FreeRegion e);

    R visitUse(Use e);

    R visitAddressSpaceInit(AddressSpaceInit e);

    R visitAddressSpaceDestroy(AddressSpaceDestroy e);

    R visitAddressSpaceDestroyFree(AddressSpaceDestroyFree e);

    R visitFreeAddressSpace(FreeAddressSpace e);

    R visitFreeAddressSpaceRcu(FreeAddressSpaceRcu e);

    R visitMap(Map e);

    R visitUnmap(Unmap e);

    R visitReturn(Return e);

    R visitInitMisowned(InitMisowned e);

    R visitSetFreeHook(SetFreeHook e);
  }

  /** {@code memory_region_init*}: owned by the device, or by the machine when {@code ownerNull}. */
  record InitRegion(
      SourceLoc loc,
      String description,
      String region,
      RegionKind kind,
      String aliasOf,
      boolean ownerNull)
      implements MemoryEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitInitRegion(this);
    }
  }

  record AddSubregion(SourceLoc loc, String description, String container, String region)
      implements MemoryEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitAddSubregion(this);
    }
  }

  record DelSubregion(SourceLoc loc, String description, String container, String region)
      implements MemoryEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitDelSubregion(this);
    }
  }

  /**
   * {@code memory_region_ref}, or a {@code memory_region_find} whose section's {@code .mr} is
   * referenced.
   */
  record Ref(SourceLoc loc, String description, String region) implements MemoryEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitRef(this);
    }
  }

  record Unref(SourceLoc loc, String description, String region) implements MemoryEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitUnref(this);
    }
  }

  /** {@code object_unparent(OBJECT(mr))}. */
  record Unparent(SourceLoc loc, String description, String region) implements MemoryEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitUnparent(this);
    }
  }

  /**
   * {@code g_free} of the memory that holds {@code region} (a heap struct, or the region itself).
   */
  record FreeRegion(SourceLoc loc, String description, String region) implements MemoryEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitFreeRegion(this);
    }
  }

  /** Any other call on a region ({@code memory_region_set_enabled}, ...). */
  record Use(SourceLoc loc, String description, String region, String operation)
      implements MemoryEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitUse(this);
    }
  }

  record AddressSpaceInit(SourceLoc loc, String description, String space, String root)
      implements MemoryEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitAddressSpaceInit(this);
    }
  }

  record AddressSpaceDestroy(SourceLoc loc, String description, String space)
      implements MemoryEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitAddressSpaceDestroy(this);
    }
  }

  record AddressSpaceDestroyFree(SourceLoc loc, String description, String space)
      implements MemoryEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitAddressSpaceDestroyFree(this);
    }
  }

  /** {@code g_free(as)} of a heap-allocated address space. */
  record FreeAddressSpace(SourceLoc loc, String description, String space) implements MemoryEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitFreeAddressSpace(this);
    }
  }

  /** {@code g_free_rcu(as, rcu)}. */
  record FreeAddressSpaceRcu(SourceLoc loc, String description, String space)
      implements MemoryEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitFreeAddressSpaceRcu(this);
    }
  }

  /**
   * {@code address_space_map} hitting {@code region}; {@code handle} names the mapping for its
   * unmap.
   */
  record Map(SourceLoc loc, String description, String handle, String space, String region)
      implements MemoryEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitMap(this);
    }
  }

  record Unmap(SourceLoc loc, String description, String handle) implements MemoryEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitUnmap(this);
    }
  }

  /**
   * The function that took {@code held} (a referenced region, or a mapping's handle) returns
   * without releasing it or storing the pointer anywhere.
   */
  record Return(SourceLoc loc, String description, String held) implements MemoryEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitReturn(this);
    }
  }

  /**
   * A {@code memory_region_init*} whose owner argument is wrong (docs/rules/MR009.md): {@code
   * misuse} says how, as {@link Region.Misowning}.
   */
  record InitMisowned(
      SourceLoc loc,
      String description,
      String region,
      RegionKind kind,
      Region.Misowning misuse,
      String ownerShown)
      implements MemoryEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitInitMisowned(this);
    }
  }

  /**
   * {@code OBJECT(mr)->free = fn}; {@code embedded} when the region lives inside a larger struct.
   */
  record SetFreeHook(SourceLoc loc, String description, String region, boolean embedded)
      implements MemoryEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitSetFreeHook(this);
    }
  }
}
