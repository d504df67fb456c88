package dev.mrcheck.selftest;

import dev.mrcheck.model.Operation;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import dev.mrcheck.selftest.DeviceProgram.ApiCall;
import java.util.List;

/**
 * A plain QOM object (parent {@code TYPE_OBJECT}, not a device) that the device makes with a
 * factory, as virtio makes its shared-memory mappings: C {@code selftest_mapping_new()} does {@code
 * object_new(TYPE_SELFTEST_MAPPING)} and initializes a region owned by the new object (in its
 * instance_init or in the factory itself), the device keeps it in {@code s->map} and drops it with
 * {@code object_unref(OBJECT(s->map))} in {@link #releasedIn} (or never: a leak). Its lifecycle is
 * QOM's (docs/lifetime.md#phases): instance_init, the factory's set-up, use, and at the last
 * reference its child properties (the region) are dropped before its instance_finalize runs, which
 * makes an {@code object_unparent} there a no-op (MR004, the virtio_shared_memory_mapping bug).
 *
 * @param heapRegion {@code MemoryRegion *mr;} g_new0'd just before its init, else {@code
 *     MemoryRegion mr;} embedded in the object
 * @param initInInstanceInit the region is initialized by the object's instance_init rather than by
 *     the factory
 * @param createdIn the device hook that calls the factory first thing (instance_init or realize)
 * @param releasedIn the device hook whose last statement drops the object; null: nothing does
 * @param init the region's {@code memory_region_init*}, owned by the object
 * @param finalizer the object's instance_finalize body, on its region only
 */
public record PlainObject(
    boolean heapRegion,
    boolean initInInstanceInit,
    Role createdIn,
    Role releasedIn,
    ApiCall init,
    List<ApiCall> finalizer) {
  public PlainObject {
    finalizer = List.copyOf(finalizer);
  }

  /** The region's init: kind IO or CONTAINER (a RAM region needs a device owner: MR009). */
  static ApiCall init(RegionKind kind) {
    return new ApiCall(
        new Operation.Init<>(Slot.Fixed.FACTORY_REGION, Slot.Fixed.FACTORY_OBJECT, kind, null));
  }

  /** {@code object_unparent(OBJECT(map->mr))} in its instance_finalize: MR004. */
  static ApiCall unparent() {
    return new ApiCall(new Operation.Unparent<>(Slot.Fixed.FACTORY_REGION));
  }

  /** {@code g_free(map->mr)} in its instance_finalize: the fix, for a heap region. */
  static ApiCall free() {
    return new ApiCall(new Operation.Free<>(Slot.Fixed.FACTORY_REGION, false, false));
  }

  /** The same object with another instance_finalize body (for the shrinker). */
  PlainObject withFinalize(List<ApiCall> body) {
    return new PlainObject(heapRegion, initInInstanceInit, createdIn, releasedIn, init, body);
  }
}
