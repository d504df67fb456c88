package dev.mrcheck.selftest;

import dev.mrcheck.model.Role;
import dev.mrcheck.selftest.DeviceProgram.ApiCall;

/**
 * The lifecycle of a program's factory-made object ({@link PlainObject}) in an {@link Execution}:
 * the factory makes it (object_new: one reference, the caller's, which the device keeps in {@code
 * s->map}) and initializes its region, owned by it; the device's object_unref drops the last
 * reference, and the model then does what QOM's object_finalize does: the object's child properties
 * (its region) are dropped first, then its instance_finalize runs, whose calls are judged like the
 * device's own (docs/lifetime.md#phases), and its storage goes.
 */
final class FactoryObjectLife {
  private FactoryObjectLife() {}

  /** The factory's call: object_new, then the region's init (its instance_init's or its own). */
  static void make(Execution e) {
    PlainObject object = e.program.factory();
    e.model.note(null, "== selftest_mapping_new(): object_new(TYPE_SELFTEST_MAPPING) ==");
    e.factoryObject = e.model.newObject("selftest-mapping");
    e.model.setInstanceFinalize(e.factoryObject, () -> instanceFinalize(e, object));
    e.call(object.init());
  }

  /**
   * object_unref(OBJECT(s->map)): its last reference, which finalizes it; on a path where the
   * device never made it, object_unref(NULL) does nothing.
   */
  static void release(Execution e) {
    if (e.factoryObject == null || e.factoryObject.isFinalized()) return;
    e.model.note(null, "object_unref(OBJECT(s->map)): the mapping's last reference");
    e.model.objectUnref(e.factoryObject, null);
  }

  /**
   * The object's own lifecycle, whoever makes it and whether or not anyone drops it: the analysis
   * reads a plain QOM object that way ({@link ModelState.Scenario#FACTORY_OBJECT}). Its factory
   * runs in the realize role, as the analysis replays it.
   */
  static void alone(Execution e) {
    e.phase = Role.REALIZE;
    make(e);
    e.phase = null;
    e.model.note(null, "== the mapping's last reference dropped ==");
    e.model.objectUnref(e.factoryObject, null);
  }

  private static void instanceFinalize(Execution e, PlainObject object) {
    Role saved = e.phase;
    e.phase = Role.INSTANCE_FINALIZE;
    e.finalizingFactoryObject = true;
    e.model.note(null, "== selftest_mapping_instance_finalize ==");
    for (ApiCall s : object.finalizer()) e.call(s);
    e.finalizingFactoryObject = false;
    e.phase = saved;
  }
}
