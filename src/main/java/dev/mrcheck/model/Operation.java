package dev.mrcheck.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one vocabulary of memory/QOM operations (docs/architecture.md, "The operation vocabulary").
 * {@code T} is how a level names the operands: {@link Operand} (which argument of a modelled API
 * function), the analysis' places (witnesses), replay names (the runtime model), slots of a
 * generated device (the self-test). An operation a level never meets is still one of its records;
 * that level's visitor says so (a no-op, or an {@link IllegalStateException}).
 */
public sealed interface Operation<T> extends Serializable {
  /**
   * The one place a consumer dispatches on the operations: adding an operation adds a method to
   * {@link Visitor}, and the compiler then names every consumer that must say what it does.
   */
  <R> R accept(Visitor<T, R> v);

  /** What the operation acts on: a region, address space, mapping or object. */
  T subject();

  /** Its operands, the subject first; absent (null) ones left out. */
  List<T> operands();

  /** One method per operation; see {@link #accept}. */
  interface Visitor<T, R> {
    R visitInit(Init<T> o);

    R visitInitMisowned(InitMisowned<T> o);

    R visitMap(Map<T> o);

    R visitUnmap(Unmap<T> o);

    R visitRef(Ref<T> o);

    R visitUnref(Unref<T> o);

    R visitUnparent(Unparent<T> o);

    R visitFree(Free<T> o);

    R visitKeeps(Keeps<T> o);

    R visitAddressSpaceInit(AddressSpaceInit<T> o);

    R visitAddressSpaceDestroy(AddressSpaceDestroy<T> o);

    R visitAddressSpaceMap(AddressSpaceMap<T> o);

    R visitAddressSpaceUnmap(AddressSpaceUnmap<T> o);

    R visitFind(Find<T> o);

    R visitReturns(Returns<T> o);

    R visitDeviceOwner(DeviceOwner<T> o);

    R visitRegisters(Registers<T> o);

    R visitReportsError(ReportsError<T> o);

    R visitTestsMapped(TestsMapped<T> o);

    R visitReturnsHolding(ReturnsHolding<T> o);

    R visitSetFreeHook(SetFreeHook<T> o);

    R visitUse(Use<T> o);
  }

  /** The non-null ones of {@code operands}, in order. */
  @SafeVarargs
  private static <T> List<T> present(T... operands) {
    List<T> out = new ArrayList<>(operands.length);
    for (T o : operands) if (o != null) out.add(o);
    return Collections.unmodifiableList(out);
  }

  /**
   * {@code memory_region_init*}: {@code region} becomes a child of {@code owner} (null = the NULL
   * owner: the machine's) of kind {@code kind}; {@code aliasTarget} is an alias' aliased region,
   * else null. The runtime model takes any non-null owner for the replayed device.
   */
  record Init<T>(T region, T owner, RegionKind kind, T aliasTarget) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitInit(this);
    }

    @Override
    public T subject() {
      return region;
    }

    @Override
    public List<T> operands() {
      return present(region, owner, aliasTarget);
    }
  }

  /**
   * A {@code memory_region_init*} whose owner argument is wrong (docs/rules/MR009.md), as {@code
   * misuse} says; {@code owner} is the owner as written. Witnesses and the runtime model: the API
   * model has a plain {@link Init} (the analysis classifies its owner), and so has the self-test,
   * whose wrong owner is the region itself.
   */
  record InitMisowned<T>(T region, T owner, RegionKind kind, Misowning misuse)
      implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitInitMisowned(this);
    }

    @Override
    public T subject() {
      return region;
    }

    @Override
    public List<T> operands() {
      return present(region, owner);
    }
  }

  /**
   * {@code memory_region_add_subregion}: maps {@code region} into {@code container}. {@code
   * undoneBefore} (API model only; null elsewhere) is the role before which the framework unmaps it
   * by itself (the PCI core unmaps BARs before calling {@code exit}), or null when only the device
   * unmaps it.
   */
  record Map<T>(T region, T container, Role undoneBefore) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitMap(this);
    }

    @Override
    public T subject() {
      return region;
    }

    @Override
    public List<T> operands() {
      return present(region, container);
    }
  }

  /**
   * {@code memory_region_del_subregion}. A null {@code region} (API model) deletes everything in
   * {@code container}; a null {@code container} (witness) is a container the code does not name.
   */
  record Unmap<T>(T region, T container) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitUnmap(this);
    }

    @Override
    public T subject() {
      return region;
    }

    @Override
    public List<T> operands() {
      return present(region, container);
    }
  }

  /**
   * {@code memory_region_ref}. {@code anyObject} (API model only; false elsewhere): the target may
   * be any QOM object ({@code object_ref}), so the reference is one on a region only where the
   * target is known to be a region.
   */
  record Ref<T>(T target, boolean anyObject) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitRef(this);
    }

    @Override
    public T subject() {
      return target;
    }

    @Override
    public List<T> operands() {
      return present(target);
    }
  }

  /** {@code memory_region_unref}. */
  record Unref<T>(T target) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitUnref(this);
    }

    @Override
    public T subject() {
      return target;
    }

    @Override
    public List<T> operands() {
      return present(target);
    }
  }

  /** {@code object_unparent}. */
  record Unparent<T>(T target) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitUnparent(this);
    }

    @Override
    public T subject() {
      return target;
    }

    @Override
    public List<T> operands() {
      return present(target);
    }
  }

  /**
   * {@code g_free}, {@code g_clear_pointer(.., g_free)}: the storage is released, with every region
   * inside it. {@code rcu}: after a grace period, through the object's {@code rcu_head} ({@code
   * g_free_rcu}), where it replaces any callback already queued on that head (an {@code
   * address_space_destroy}'s). {@code addressSpace}: the target is known to be an address space
   * (witnesses, runtime model, self-test; the API model cannot tell and leaves it false).
   */
  record Free<T>(T target, boolean rcu, boolean addressSpace) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitFree(this);
    }

    @Override
    public T subject() {
      return target;
    }

    @Override
    public List<T> operands() {
      return present(target);
    }
  }

  /**
   * The call keeps {@code target}: stores it, or hands it to a completion callback, which gives
   * back the references inside it later ({@code qemu_iovec_add} keeps a mapped buffer). API model
   * only.
   */
  record Keeps<T>(T target) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitKeeps(this);
    }

    @Override
    public T subject() {
      return target;
    }

    @Override
    public List<T> operands() {
      return present(target);
    }
  }

  /** {@code address_space_init}: the address space references {@code root}. */
  record AddressSpaceInit<T>(T addressSpace, T root) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitAddressSpaceInit(this);
    }

    @Override
    public T subject() {
      return addressSpace;
    }

    @Override
    public List<T> operands() {
      return present(addressSpace, root);
    }
  }

  /** {@code address_space_destroy}; {@code frees} for {@code address_space_destroy_free}. */
  record AddressSpaceDestroy<T>(T addressSpace, boolean frees) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitAddressSpaceDestroy(this);
    }

    @Override
    public T subject() {
      return addressSpace;
    }

    @Override
    public List<T> operands() {
      return present(addressSpace);
    }
  }

  /**
   * {@code address_space_map}: {@code result} (its subject) holds a reference until {@code
   * address_space_unmap}. {@code region} is the region the mapping hits, which only the runtime
   * model names (null elsewhere).
   */
  record AddressSpaceMap<T>(T addressSpace, T result, T region) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitAddressSpaceMap(this);
    }

    @Override
    public T subject() {
      return result;
    }

    @Override
    public List<T> operands() {
      return present(result, addressSpace, region);
    }
  }

  /** {@code address_space_unmap}. */
  record AddressSpaceUnmap<T>(T mapping) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitAddressSpaceUnmap(this);
    }

    @Override
    public T subject() {
      return mapping;
    }

    @Override
    public List<T> operands() {
      return present(mapping);
    }
  }

  /**
   * {@code memory_region_find}: {@code reference} (the section's {@code .mr}) carries a reference
   * to drop.
   */
  record Find<T>(T reference) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitFind(this);
    }

    @Override
    public T subject() {
      return reference;
    }

    @Override
    public List<T> operands() {
      return present(reference);
    }
  }

  /**
   * The call's result is (or contains) {@code target}: {@code get_system_memory()} returns the
   * global region. API model only.
   */
  record Returns<T>(T target) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitReturns(this);
    }

    @Override
    public T subject() {
      return target;
    }

    @Override
    public List<T> operands() {
      return present(target);
    }
  }

  /**
   * The call casts {@code owner} with {@code DEVICE()} (e.g. to name a RAMBlock for migration by
   * the owner's device path): it must be NULL or a device, else QEMU aborts. API model only.
   */
  record DeviceOwner<T>(T owner) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitDeviceOwner(this);
    }

    @Override
    public T subject() {
      return owner;
    }

    @Override
    public List<T> operands() {
      return present(owner);
    }
  }

  /**
   * {@code pci_setup_iommu(bus, ops, opaque)}: {@code target} is handed to another object ({@code
   * with}: a bus, the reset list), which keeps a pointer to it until it is unregistered. API model
   * only.
   */
  record Registers<T>(T target, T with) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitRegisters(this);
    }

    @Override
    public T subject() {
      return target;
    }

    @Override
    public List<T> operands() {
      return present(target, with);
    }
  }

  /**
   * {@code error_setg(errp, ..)}: the call reports an error through {@code errp}. A realize that
   * returns after reporting one failed, and qdev never unrealizes a device whose realize failed.
   * API model only.
   */
  record ReportsError<T>(T errp) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitReportsError(this);
    }

    @Override
    public T subject() {
      return errp;
    }

    @Override
    public List<T> operands() {
      return present(errp);
    }
  }

  /**
   * A predicate: when the call is a branch condition that holds, {@code region} is mapped. API
   * model only.
   */
  record TestsMapped<T>(T region) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitTestsMapped(this);
    }

    @Override
    public T subject() {
      return region;
    }

    @Override
    public List<T> operands() {
      return present(region);
    }
  }

  /**
   * The function that took {@code held} (a referenced region, or a mapping) returns without
   * releasing it or storing the pointer anywhere. Witnesses and the runtime model.
   */
  record ReturnsHolding<T>(T held) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitReturnsHolding(this);
    }

    @Override
    public T subject() {
      return held;
    }

    @Override
    public List<T> operands() {
      return present(held);
    }
  }

  /**
   * {@code OBJECT(mr)->free = fn}; {@code embedded} when the region lives inside a larger struct.
   * Witnesses and the runtime model (the analysis records it as a {@code FreeHookOverride}).
   */
  record SetFreeHook<T>(T region, boolean embedded) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitSetFreeHook(this);
    }

    @Override
    public T subject() {
      return region;
    }

    @Override
    public List<T> operands() {
      return present(region);
    }
  }

  /**
   * Any other call on a region ({@code memory_region_set_enabled}, ...), named {@code call}.
   * Runtime model only.
   */
  record Use<T>(T region, String call) implements Operation<T> {
    @Override
    public <R> R accept(Visitor<T, R> v) {
      return v.visitUse(this);
    }

    @Override
    public T subject() {
      return region;
    }

    @Override
    public List<T> operands() {
      return present(region);
    }
  }
}
