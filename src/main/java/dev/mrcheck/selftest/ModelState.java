package dev.mrcheck.selftest;

import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.runtime.AddressSpace;
import dev.mrcheck.runtime.Outcome;
import dev.mrcheck.runtime.QObject;
import dev.mrcheck.runtime.Region;
import dev.mrcheck.selftest.DeviceProgram.ApiCall;
import dev.mrcheck.selftest.DeviceProgram.Stmt;
import java.util.List;

/** What a {@link RuleOracle} may ask about one execution of a program in the runtime model. */
public interface ModelState {
  /** The scenarios a program is executed in, per semantics and per path. */
  enum Scenario {
    /** The throw-away instance made to list properties: instance_init, then the last unref. */
    INTROSPECTION,
    /**
     * instance_init, realize, the run-time callbacks in the order the run says (often none), and
     * for a hot-pluggable device unrealize and the final unref.
     */
    LIFETIME,
    /**
     * A device that is not hot-pluggable whose unrealize runs anyway: its calls are judged one by
     * one, since the analysis reads that code too; what it leaves behind is not, since the device
     * is never really unplugged.
     */
    UNREALIZE_ANYWAY,
    /**
     * A device finalized after a realize that succeeded, without unrealize (the machine torn down,
     * long after realize: RCU grace periods have passed): instance_finalize's calls are judged one
     * by one, its leaks are not. (A realize that fails is every scenario's error branch.)
     */
    TEARDOWN,
    /**
     * instance_init, realize, then a sequence of {@link ModelOracle#MAX_INVOCATIONS} invocations of
     * the run-time callbacks, as long as the analysis replays them; the device lives on. Every such
     * sequence of the write and read handlers runs once. (Shorter sequences run in LIFETIME, for a
     * hot-pluggable device, or TEARDOWN, and the device is torn down after them: {@link
     * CallbackSequences} says how this bound corresponds to the states {@code
     * analysis.RuntimeStates} keeps.)
     */
    RUNTIME,
    /**
     * The factory-made object's own lifecycle ({@link PlainObject}), as the analysis reads a plain
     * QOM object whoever makes it: object_new, its instance_init, the factory's set-up, then the
     * last object_unref, which drops its child properties and runs its instance_finalize. The
     * device's scenarios run it too where the device releases it; this one also covers a device
     * that leaks it.
     */
    FACTORY_OBJECT
  }

  /** One executed API call: the regions and address space it acted on, as they were then. */
  record Call(
      Stmt stmt,
      Role phase,
      int line,
      Region subject,
      Region container,
      AddressSpace space,
      List<Outcome> outcomes) {
    /** The memory-API call (an executed statement is never control flow). */
    Operation<Slot> operation() {
      return ((ApiCall) stmt).operation();
    }
  }

  Semantics semantics();

  Scenario scenario();

  /**
   * Whether the device was torn down in this scenario, so what it still holds at the end is a leak.
   */
  boolean tornDown();

  QObject device();

  /** Whether the device is hot-pluggable (unrealized at unplug). */
  boolean hotPluggable();

  /**
   * Whether the device was finalized only because the scenario forced it (a leak kept it alive):
   * its instance_finalize then runs although in QEMU it never would.
   */
  boolean finalizeForced();

  /**
   * Whether a reference {@code call} took (memory_region_ref, memory_region_find) was never given
   * back: still held, or its region freed (g_free) while it was.
   */
  boolean stillHeld(Call call);

  /**
   * The calls of instance_finalize when the scenario forced it on a device a leak kept alive (after
   * a whole lifetime they run unjudged, the other scenarios judge them one by one).
   */
  List<Call> forcedFinalizeCalls();

  /**
   * An address_space_destroy whose RCU callback was still queued when the device's last reference
   * was dropped; {@code holdsDevice}: the reference that callback drops kept the device alive then.
   */
  record PendingDestroy(AddressSpace space, boolean holdsDevice) {}

  /**
   * The destroys pending when the device's last reference was dropped, in the order RCU runs them.
   */
  List<PendingDestroy> pendingAtUnplug();

  /**
   * Whether the reference a {@code memory_region_find} call took was still held when its function
   * returned: the local section was the only pointer to it, so it can never be given back.
   */
  boolean lostAtReturn(Call find);

  /** Whether {@code call} names an element of a region array ({@code &s->rN[1]}). */
  boolean arrayElement(Call call);

  /**
   * Whether {@code r} belongs to the factory-made object whose instance_finalize runs now: QOM
   * dropped it with that object's child properties, as it drops the device's own in the device's.
   */
  boolean ownedByFinalizingObject(Region r);

  /** Whether the region is the device's own (initialized with owner self). */
  default boolean own(Region r) {
    return r != null && r.owner() == device();
  }

  /**
   * Whether the program finalized {@code r} itself (an unparent in instance_init or realize) before
   * the device's teardown began: a later call on it in instance_finalize is not about a region the
   * device owns.
   */
  boolean finalizedBeforeDevice(Region r);

  /** Mapped in a container, or the root of a live address space. */
  boolean mapped(Region r);

  /**
   * Whether the mapping made by {@code add} (an add_subregion call) was never undone by the
   * program: it is still there, or only the model's recovery from a region finalized while mapped
   * (an abort in QEMU) removed it.
   */
  boolean leftMapped(Call add);

  /**
   * Whether the reference {@code call} took (memory_region_ref, a container's, an address space's)
   * still holds the device or one of its live regions.
   */
  boolean holdsDevice(Call call);

  /** The calls executed so far, in order. */
  List<Call> calls();
}
