package dev.mrcheck.model;

/** What a modelled function does to the memory/QOM runtime. Operands name its arguments. */
public sealed interface Effect {
  /**
   * The one place a consumer dispatches on the operations: adding an operation adds a method to
   * {@link Visitor}, and the compiler then names every consumer that must say what it does.
   */
  <R> R accept(Visitor<R> v);

  /** One method per operation; see {@link #accept}. */
  interface Visitor<R> {
    R visitInit(Init e);

    R visitMap(Map e);

    R visitUnmap(Unmap e);

    R visitRef(Ref e);

    R visitUnref(Unref e);

    R visitUnparent(Unparent e);

    R visitFree(Free e);

    R visitKeeps(Keeps e);

    R visitAddressSpaceInit(AddressSpaceInit e);

    R visitAddressSpaceDestroy(AddressSpaceDestroy e);

    R visitAddressSpaceMap(AddressSpaceMap e);

    R visitAddressSpaceUnmap(AddressSpaceUnmap e);

    R visitFind(Find e);

    R visitReturns(Returns e);

    R visitDeviceOwner(DeviceOwner e);

    R visitRegisters(Registers e);

    R visitReportsError(ReportsError e);

    R visitTestsMapped(TestsMapped e);
  }

  /**
   * {@code memory_region_init*}: {@code region} becomes a child of {@code owner} (null operand =
   * NULL owner).
   */
  record Init(Operand region, Operand owner, RegionKind kind, Operand aliasTarget)
      implements Effect {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitInit(this);
    }
  }

  /**
   * {@code memory_region_add_subregion}: maps {@code region} into {@code container}. {@code
   * undoneBefore} is the role before which the framework unmaps it by itself (e.g. the PCI core
   * unmaps BARs before calling {@code exit}), or null when only the device unmaps it.
   */
  record Map(Operand region, Operand container, Role undoneBefore) implements Effect {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitMap(this);
    }
  }

  /** {@code memory_region_del_subregion}. */
  record Unmap(Operand region, Operand container) implements Effect {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitUnmap(this);
    }
  }

  /**
   * {@code memory_region_ref}. {@code anyObject}: the target may be any QOM object ({@code
   * object_ref}), so the reference is one on a region only where the target is known to be a
   * region.
   */
  record Ref(Operand target, boolean anyObject) implements Effect {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitRef(this);
    }

    public Ref(Operand target) {
      this(target, false);
    }
  }

  record Unref(Operand target) implements Effect {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitUnref(this);
    }
  }

  /** {@code object_unparent}. */
  record Unparent(Operand target) implements Effect {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitUnparent(this);
    }
  }

  /**
   * {@code g_free}, {@code g_clear_pointer(.., g_free)}: the storage is released. {@code rcu}:
   * after a grace period, through the object's {@code rcu_head} ({@code g_free_rcu}), where it
   * replaces any callback already queued on that head (an {@code address_space_destroy}'s).
   */
  record Free(Operand target, boolean rcu) implements Effect {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitFree(this);
    }

    public Free(Operand target) {
      this(target, false);
    }
  }

  /**
   * The call keeps {@code target}: stores it, or hands it to a completion callback, which gives
   * back the references inside it later ({@code qemu_iovec_add} keeps a mapped buffer).
   */
  record Keeps(Operand target) implements Effect {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitKeeps(this);
    }
  }

  /** {@code address_space_init}: the address space references {@code root}. */
  record AddressSpaceInit(Operand addressSpace, Operand root) implements Effect {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitAddressSpaceInit(this);
    }
  }

  /** {@code address_space_destroy}; {@code frees} for {@code address_space_destroy_free}. */
  record AddressSpaceDestroy(Operand addressSpace, boolean frees) implements Effect {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitAddressSpaceDestroy(this);
    }
  }

  /** {@code address_space_map}: the result holds a reference until {@code address_space_unmap}. */
  record AddressSpaceMap(Operand addressSpace, Operand result) implements Effect {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitAddressSpaceMap(this);
    }
  }

  record AddressSpaceUnmap(Operand mapping) implements Effect {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitAddressSpaceUnmap(this);
    }
  }

  /**
   * {@code memory_region_find}: {@code reference} (the section's {@code .mr}) carries a reference
   * to drop.
   */
  record Find(Operand reference) implements Effect {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitFind(this);
    }
  }

  /**
   * The call's result is (or contains) {@code target}: {@code get_system_memory()} returns the
   * global region.
   */
  record Returns(Operand target) implements Effect {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitReturns(this);
    }
  }

  /**
   * The call casts {@code owner} with {@code DEVICE()} (e.g. to name a RAMBlock for migration by
   * the owner's device path): it must be NULL or a device, else QEMU aborts.
   */
  record DeviceOwner(Operand owner) implements Effect {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitDeviceOwner(this);
    }
  }

  /**
   * {@code pci_setup_iommu(bus, ops, opaque)}: {@code target} is handed to another object ({@code
   * with}: a bus, the reset list), which keeps a pointer to it until it is unregistered.
   */
  record Registers(Operand target, Operand with) implements Effect {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitRegisters(this);
    }
  }

  /**
   * {@code error_setg(errp, ..)}: the call reports an error through {@code errp}. A realize that
   * returns after reporting one failed, and qdev never unrealizes a device whose realize failed.
   */
  record ReportsError(Operand errp) implements Effect {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitReportsError(this);
    }
  }

  /** A predicate: when the call is a branch condition that holds, {@code region} is mapped. */
  record TestsMapped(Operand region) implements Effect {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitTestsMapped(this);
    }
  }
}
