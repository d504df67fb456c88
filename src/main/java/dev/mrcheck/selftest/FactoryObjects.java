package dev.mrcheck.selftest;

import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import dev.mrcheck.selftest.DeviceProgram.ApiCall;
import java.util.ArrayList;
import java.util.List;

/**
 * The generator's step for a factory-made object ({@link PlainObject}): where the device makes it
 * and drops it (or leaks it), where its region is initialized, and what its instance_finalize does
 * with that region: nothing (QOM drops it; a g_new0'd one then leaks its storage), {@code g_free}
 * of a g_new0'd one (the fix), or an {@code object_unparent} before that or alone (MR004: a no-op,
 * the region was dropped with the child properties already).
 */
final class FactoryObjects {
  /** Programs that get one, in percent. */
  static final int SHARE = 35;

  private FactoryObjects() {}

  static PlainObject draw(Choices c) {
    boolean heap = c.chance(50);
    boolean initInInstanceInit = c.chance(30);
    Role createdIn = c.chance(75) ? Role.REALIZE : Role.INSTANCE_INIT;
    int release = c.next(5);
    Role releasedIn = release < 2 ? Role.UNREALIZE : release < 4 ? Role.INSTANCE_FINALIZE : null;
    RegionKind kind = c.chance(50) ? RegionKind.IO : RegionKind.CONTAINER;
    List<ApiCall> finalizer = new ArrayList<>();
    if (c.chance(50)) finalizer.add(PlainObject.unparent());
    if (heap && c.chance(60)) finalizer.add(PlainObject.free());
    return new PlainObject(
        heap, initInInstanceInit, createdIn, releasedIn, PlainObject.init(kind), finalizer);
  }
}
