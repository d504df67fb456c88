package dev.mrcheck.selftest;

import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.runtime.AddressSpace;
import dev.mrcheck.runtime.Outcome;
import dev.mrcheck.runtime.Region;
import dev.mrcheck.selftest.ModelState.Call;
import dev.mrcheck.selftest.ModelState.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * The table from runtime-model observations to rule ids (docs/lifetime.md#rules), one entry per
 * rule. Only rules in this table are compared; a rule added to {@code rules/} gets compared once
 * its entry is here.
 */
public final class RuleOracles {
  private RuleOracles() {}

  public static final List<RuleOracle> TABLE =
      List.of(
          new OwnerCycle(),
          new UnparentWhileMapped(),
          new OwnerlessFree(),
          new UnparentInFinalize(),
          new ForeignContainerLeak(),
          new RefImbalance(),
          new AddressSpaceLifecycle(),
          new InitSideEffect(),
          new OwnerMisuse(),
          new DynamicRegion());

  public static Optional<RuleOracle> byId(String id) {
    return TABLE.stream().filter(o -> o.ruleId().equals(id)).findFirst();
  }

  /**
   * MR001: after teardown the device (or its region) is still held by a reference it took, in
   * instance_init or realize, on its own region: memory_region_ref, an address space over its own
   * root, or (where the semantics make the container reference it) one of its regions left in its
   * own container. References taken during teardown itself are MR006's business.
   */
  static final class OwnerCycle implements RuleOracle {
    @Override
    public String ruleId() {
      return "MR001";
    }

    @Override
    public void beforeFinalize(ModelState s, IntConsumer violatedAt) {
      atEnd(s, violatedAt);
    }

    @Override
    public void atEnd(ModelState s, IntConsumer violatedAt) {
      if (!s.tornDown()) return;
      for (Call c : s.calls()) {
        if (!beforeTeardown(c)) continue;
        // An address space over the device's own root whose destroy at unrealize was lost to a
        // g_free
        // still holds the device, but that is MR007's finding (destroy then g_free; the fix is
        // address_space_destroy_free): the program did destroy it, as MR001 asks.
        boolean selfRef =
            c.operation() instanceof Operation.Ref
                || c.operation() instanceof Operation.AddressSpaceInit
                    && s.own(c.subject())
                    && !c.space().destroyLost();
        // Only legacy makes a same-owner container reference its subregion's owner
        // (docs/lifetime.md#rules, MR001).
        // Under refcount the container references the subregion itself; when that holds the device,
        // it is
        // because the subregion was unparented while mapped (MR002) or something else holds the
        // container
        // (a foreign container, an alias): those are the findings, not an owner cycle.
        boolean sameOwnerMapping =
            c.operation() instanceof Operation.Map
                && s.own(c.subject())
                && s.own(c.container())
                && s.semantics() == Semantics.LEGACY;
        if ((selfRef || sameOwnerMapping) && s.holdsDevice(c)) violatedAt.accept(c.line());
        // A mapping whose region was finalized while mapped never gave its reference back by
        // itself.
        if (sameOwnerMapping && s.leftMapped(c)) violatedAt.accept(c.line());
      }
    }
  }

  static boolean beforeTeardown(Call c) {
    return c.phase() == Role.INSTANCE_INIT || c.phase() == Role.REALIZE;
  }

  /**
   * MR002: object_unparent that really drops the region's parent link while the region is mapped in
   * a container or the root of a live address space.
   */
  static final class UnparentWhileMapped implements RuleOracle {
    @Override
    public String ruleId() {
      return "MR002";
    }

    /**
     * An unparent in the instance_finalize of a device a leak kept alive after unrealize: the
     * analysis reads it as if the leak were fixed, and no other scenario reaches the state
     * unrealize leaves (a region of another object that exit mapped is still mapped there).
     */
    @Override
    public boolean judgesLeakedFinalize() {
      return true;
    }

    @Override
    public void before(ModelState s, Call c, IntConsumer violatedAt) {
      if (c.operation() instanceof Operation.Unparent
          && c.subject().parent() != null
          && s.mapped(c.subject())) {
        violatedAt.accept(c.line());
      }
    }
  }

  /**
   * MR003: the model saw an owner-less region (not an alias or container) destroyed by this call.
   */
  static final class OwnerlessFree implements RuleOracle {
    @Override
    public String ruleId() {
      return "MR003";
    }

    /**
     * A single call: in the instance_finalize of a leaked device it is read as if the leak were
     * fixed (see MR002).
     */
    @Override
    public boolean judgesLeakedFinalize() {
      return true;
    }

    @Override
    public void after(ModelState s, Call c, IntConsumer violatedAt) {
      if (c.outcomes().stream().anyMatch(o -> o instanceof Outcome.OwnerlessDestroyed))
        violatedAt.accept(c.line());
    }
  }

  /**
   * MR004: a memory API call (other than init and g_free) in instance_finalize on a region the
   * device owns, or in a factory-made object's instance_finalize on a region that object owns.
   */
  static final class UnparentInFinalize implements RuleOracle {
    @Override
    public String ruleId() {
      return "MR004";
    }

    @Override
    public Role phase() {
      return Role.INSTANCE_FINALIZE;
    }

    @Override
    public void before(ModelState s, Call c, IntConsumer violatedAt) {
      if (c.phase() != Role.INSTANCE_FINALIZE || c.subject() == null) return;
      if (regionCall(c) && onDeviceRegion(s, c)) violatedAt.accept(c.line());
    }

    /**
     * The instance_finalize of a device that a leak kept alive after unrealize is read by the
     * analysis as if the leak were fixed (the leak is MR005's or MR001's finding), and no other
     * scenario reaches the state unrealize leaves: a call there on a region unrealize (re)created
     * is the same latent no-op or use after finalization.
     */
    @Override
    public boolean judgesLeakedFinalize() {
      return true;
    }

    /**
     * Whether the call acts on a region QOM dropped with the device's child properties: its
     * subject, or for add/del_subregion its container too (deleting from, or adding to, a finalized
     * container is the same use after finalization).
     */
    private static boolean onDeviceRegion(ModelState s, Call c) {
      return deviceRegion(s, c.subject()) || deviceRegion(s, c.container());
    }

    private static boolean deviceRegion(ModelState s, Region r) {
      return r != null && s.own(r) && !s.finalizedBeforeDevice(r) || s.ownedByFinalizingObject(r);
    }

    private static boolean regionCall(Call c) {
      return c.operation() instanceof Operation.Unparent
          || c.operation() instanceof Operation.Ref
          || DeviceProgram.unrefOfField(c.operation())
          || c.operation() instanceof Operation.Map
          || c.operation() instanceof Operation.Unmap;
    }
  }

  /**
   * MR005: after hot-unplug, a region of the device mapped (in instance_init or realize) into a
   * container it does not own is still there and the container's reference holds the device.
   */
  static final class ForeignContainerLeak implements RuleOracle {
    @Override
    public String ruleId() {
      return "MR005";
    }

    @Override
    public void beforeFinalize(ModelState s, IntConsumer violatedAt) {
      atEnd(s, violatedAt);
    }

    @Override
    public void atEnd(ModelState s, IntConsumer violatedAt) {
      // Under refcount qdev deletes the device's regions from their containers after unrealize; one
      // the
      // device unparented itself while mapped is MR002's finding.
      if (s.scenario() != Scenario.LIFETIME || !s.tornDown() || s.semantics() == Semantics.REFCOUNT)
        return;
      for (Call c : s.calls()) {
        if (!(c.operation() instanceof Operation.Map)
            || !beforeTeardown(c)
            || !s.own(c.subject())
            || s.own(c.container())) {
          continue;
        }
        if (s.holdsDevice(c) || s.leftMapped(c)) {
          violatedAt.accept(c.line());
        }
      }
    }
  }

  /**
   * MR008: after the throw-away instance is gone, something instance_init did is still visible
   * outside it: a region in a container the device does not own, or a live address space.
   */
  static final class InitSideEffect implements RuleOracle {
    @Override
    public String ruleId() {
      return "MR008";
    }

    @Override
    public Role phase() {
      return Role.INSTANCE_INIT;
    }

    @Override
    public void beforeFinalize(ModelState s, IntConsumer violatedAt) {
      atEnd(s, violatedAt);
    }

    @Override
    public void atEnd(ModelState s, IntConsumer violatedAt) {
      if (s.scenario() != Scenario.INTROSPECTION) return;
      for (Call c : s.calls()) {
        if (c.phase() != Role.INSTANCE_INIT) continue;
        if (c.operation() instanceof Operation.Map && s.leftMapped(c) && !s.own(c.container())) {
          violatedAt.accept(c.line());
        } else if (c.operation() instanceof Operation.AddressSpaceInit
            && c.space().state() == AddressSpace.State.LIVE) {
          violatedAt.accept(c.line());
        }
      }
    }
  }

  /**
   * MR006: a reference on a region of another object that nobody can give back: a
   * memory_region_find section still holding its reference when the function that had it in a local
   * returns; or a memory_region_ref (instance_init or realize) on a region the device does not own,
   * still held once the torn-down device finalized (instance_finalize may still drop it: no cycle).
   * References on the device's own regions are MR001's, owner-less regions count nothing.
   */
  static final class RefImbalance implements RuleOracle {
    @Override
    public String ruleId() {
      return "MR006";
    }

    @Override
    public void atEnd(ModelState s, IntConsumer violatedAt) {
      lostAtReturn(s, violatedAt);
      // A device a leak keeps alive has not run instance_finalize yet, which may still release it.
      if (s.device().isFinalized()) keptPastTeardown(s, violatedAt);
    }

    @Override
    public void afterForcedFinalize(ModelState s, IntConsumer violatedAt) {
      lostAtReturn(s, violatedAt);
      keptPastTeardown(s, violatedAt);
    }

    /**
     * Over-release (docs/rules/MR006.md#over-release): an unref when the program's last reference
     * on that count was already given back, and none taken since (a release with no reference in
     * view is not judged), on a count MR006 judges: another object's (the region's owner, or under
     * refcount the region) or a region owning itself, and still alive: an unref on a finalized
     * count is a use after finalization, not an over-release. Not on an array element: the analysis
     * names one place for all of an array's elements, so it knows no single holder
     * (docs/rules/MR006.md#over-release). Judged before the unref runs, which could finalize it.
     * Run-time code runs once here, as in the analysis.
     */
    @Override
    public void before(ModelState s, Call c, IntConsumer violatedAt) {
      Region r = c.subject();
      if (!DeviceProgram.unrefOfField(c.operation())
          || s.arrayElement(c)
          || !foreign(s, r)
          || !countAlive(s, r)) return;
      int held = 0;
      boolean released = false;
      List<Call> before = new ArrayList<>(s.calls());
      before.addAll(s.forcedFinalizeCalls());
      for (Call d : before) {
        if (d.subject() != r) continue;
        if (d.operation() instanceof Operation.Ref) {
          held++;
          released = false;
        } else if (d.operation() instanceof Operation.Unref && held > 0 && --held == 0) {
          released = true;
        }
      }
      if (held == 0 && released) violatedAt.accept(c.line());
    }

    /**
     * Whether the object {@code memory_region_unref(r)} decrements is alive
     * (docs/lifetime.md#semantics): the region itself when it owns itself or under refcount, else
     * its owner.
     */
    private static boolean countAlive(ModelState s, Region r) {
      boolean itself = r.ownsItself() || s.semantics() == Semantics.REFCOUNT;
      return itself ? !r.isFinalized() : !r.owner().isFinalized();
    }

    /**
     * An over-release is a single call: in the instance_finalize of a device a leak kept alive it
     * is judged as the analysis reads it, as if the leak were fixed.
     */
    @Override
    public boolean judgesLeakedFinalize() {
      return true;
    }

    private static void lostAtReturn(ModelState s, IntConsumer violatedAt) {
      for (Call c : s.calls()) {
        if (c.operation() instanceof Operation.Find && s.lostAtReturn(c))
          violatedAt.accept(c.line());
      }
    }

    /**
     * A reference the device took (not in instance_finalize) still held after the torn-down device
     * finalized.
     */
    private static void keptPastTeardown(ModelState s, IntConsumer violatedAt) {
      if (!s.tornDown()) return;
      for (Call c : s.calls()) {
        if (c.operation() instanceof Operation.Ref
            && c.phase() != null
            && c.phase() != Role.INSTANCE_FINALIZE
            && foreign(s, c.subject())
            && s.stillHeld(c)) {
          violatedAt.accept(c.line());
        }
      }
    }
  }

  /**
   * Owned by an object other than the device, or by itself (a region owned by NULL is not reference
   * counted).
   */
  static boolean foreign(ModelState s, Region r) {
    return r != null && (r.ownsItself() || r.owner() != null && r.owner() != s.device());
  }

  /**
   * MR007: (a) a hot-pluggable device's address space over a root it does not own (instance_init or
   * realize) still registered when the device is torn down (before instance_finalize, which
   * docs/lifetime.md#phases does not count: it runs too late for the memory core); (b) a g_free or
   * g_free_rcu that loses a pending address_space_destroy; (c) a destroy in instance_finalize of a
   * device that is never unplugged, of an address space over its own root made in realize and live
   * until then: under legacy and current semantics it holds the device, which the model only
   * finalizes by force; under refcount it holds the region, which outlives its owner (the model's
   * "region outlives its owner").
   */
  static final class AddressSpaceLifecycle implements RuleOracle {
    @Override
    public String ruleId() {
      return "MR007";
    }

    @Override
    public void after(ModelState s, Call c, IntConsumer violatedAt) {
      if (DeviceProgram.freesSpace(c.operation())
          && c.space() != null
          && c.space().destroyLostAt() != null
          && c.space().destroyLostAt().line() == c.line()) {
        violatedAt.accept(c.line());
      }
    }

    @Override
    public void before(ModelState s, Call c, IntConsumer violatedAt) {
      if (c.operation() instanceof Operation.AddressSpaceDestroy
          && c.phase() == Role.INSTANCE_FINALIZE
          && c.space() != null
          && c.space().state() == AddressSpace.State.LIVE
          && !s.hotPluggable()
          && s.scenario() == Scenario.TEARDOWN) {
        for (Call init : s.calls()) {
          if (init.operation() instanceof Operation.AddressSpaceInit
              && init.space() == c.space()
              && init.phase() == Role.REALIZE
              && s.own(init.subject())) {
            violatedAt.accept(c.line());
          }
        }
      }
    }

    /**
     * (b) once more, for a device a leak kept alive (in any scenario): its instance_finalize, as
     * the analysis reads it (as if the leak were fixed), runs when the device's last reference is
     * dropped, while destroys queued before still wait for RCU; the model ran them first only
     * because of the leak. RCU runs callbacks in order, so the device waits for a destroy's
     * callback when it, or one queued after it, still held the device then (an address space over
     * the device's own root, docs/lifetime.md#semantics). A destroy queued in that
     * instance_finalize itself and lost to a free there is (b) as anywhere: after a whole lifetime
     * the forced instance_finalize is the only one that meets an address space unrealize
     * initialized again.
     */
    @Override
    public void afterForcedFinalize(ModelState s, IntConsumer violatedAt) {
      List<ModelState.PendingDestroy> pending = s.pendingAtUnplug();
      for (Call c : s.forcedFinalizeCalls()) {
        if (!(DeviceProgram.freesSpace(c.operation())) || c.space() == null) continue;
        int at = 0;
        while (at < pending.size() && pending.get(at).space() != c.space()) at++;
        if (at == pending.size()) {
          // Destroyed in this instance_finalize too: the free loses it whether or not a leak came
          // first.
          if (c.space().destroyLostAt() != null && c.space().destroyLostAt().line() == c.line()) {
            violatedAt.accept(c.line());
          }
          continue;
        }
        if (pending.subList(at, pending.size()).stream()
            .noneMatch(ModelState.PendingDestroy::holdsDevice)) {
          violatedAt.accept(c.line());
        }
      }
    }

    @Override
    public void beforeFinalize(ModelState s, IntConsumer violatedAt) {
      atEnd(s, violatedAt);
    }

    @Override
    public void atEnd(ModelState s, IntConsumer violatedAt) {
      if (s.scenario() != Scenario.LIFETIME || !s.tornDown() || !s.hotPluggable()) return;
      for (Call c : s.calls()) {
        // A g_free of the live address space does not unregister it (the memory core keeps it in
        // its list,
        // over freed memory): it was not destroyed, as MR007 asks.
        if (c.operation() instanceof Operation.AddressSpaceInit
            && beforeTeardown(c)
            && !s.own(c.subject())
            && c.space().state() == AddressSpace.State.LIVE) {
          violatedAt.accept(c.line());
        }
      }
    }
  }

  /**
   * MR009: the model shows the init's owner is wrong: the region became its own child property (it
   * can never be finalized by its owner's death), or QOM's cast of the owner aborted.
   */
  static final class OwnerMisuse implements RuleOracle {
    @Override
    public String ruleId() {
      return "MR009";
    }

    @Override
    public void after(ModelState s, Call c, IntConsumer violatedAt) {
      if (!(c.operation() instanceof Operation.Init) || c.subject() == null) return;
      boolean aborted =
          c.outcomes().stream()
              .anyMatch(
                  o ->
                      o instanceof Outcome.AssertionFailure a
                          && a.subject().equals(c.subject().name()));
      if (c.subject().parent() == c.subject() || aborted) violatedAt.accept(c.line());
    }
  }

  /**
   * MR010: the model saw a region other than an alias or container created or destroyed at run
   * time.
   */
  static final class DynamicRegion implements RuleOracle {
    @Override
    public String ruleId() {
      return "MR010";
    }

    @Override
    public void after(ModelState s, Call c, IntConsumer violatedAt) {
      if (c.outcomes().stream().anyMatch(o -> o instanceof Outcome.DynamicRegion))
        violatedAt.accept(c.line());
    }
  }
}
