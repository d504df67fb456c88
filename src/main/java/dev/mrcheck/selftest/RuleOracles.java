package dev.mrcheck.selftest;

import dev.mrcheck.analysis.Semantics;
import dev.mrcheck.model.Role;
import dev.mrcheck.runtime.AddressSpace;
import dev.mrcheck.runtime.Outcome;
import dev.mrcheck.selftest.DeviceProgram.AddSubregion;
import dev.mrcheck.selftest.DeviceProgram.AddressSpaceInit;
import dev.mrcheck.selftest.DeviceProgram.DelSubregion;
import dev.mrcheck.selftest.DeviceProgram.Ref;
import dev.mrcheck.selftest.DeviceProgram.Unparent;
import dev.mrcheck.selftest.DeviceProgram.Unref;
import dev.mrcheck.selftest.ModelState.Call;
import dev.mrcheck.selftest.ModelState.Scenario;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * The table from runtime-model observations to rule ids (domain.md §4), one entry per rule. Only
 * rules in this table are compared; a rule added to {@code rules/} gets compared once its entry
 * is here.
 */
public final class RuleOracles {
  private RuleOracles() {}

  public static final List<RuleOracle> TABLE = List.of(
      new OwnerCycle(), new UnparentWhileMapped(), new OwnerlessFree(), new UnparentInFinalize(),
      new ForeignContainerLeak(), new InitSideEffect());

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
        boolean selfRef = c.stmt() instanceof Ref || c.stmt() instanceof AddressSpaceInit && s.own(c.subject());
        // Only legacy makes a same-owner container reference its subregion's owner (domain.md §4, MR001).
        // Under refcount the container references the subregion itself; when that holds the device, it is
        // because the subregion was unparented while mapped (MR002) or something else holds the container
        // (a foreign container, an alias): those are the findings, not an owner cycle.
        boolean sameOwnerMapping = c.stmt() instanceof AddSubregion && s.own(c.subject()) && s.own(c.container())
            && s.semantics() == Semantics.LEGACY;
        if ((selfRef || sameOwnerMapping) && s.holdsDevice(c)) violatedAt.accept(c.line());
        // A mapping whose region was finalized while mapped never gave its reference back by itself.
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

    @Override
    public void before(ModelState s, Call c, IntConsumer violatedAt) {
      if (c.stmt() instanceof Unparent && c.subject().parent() != null && s.mapped(c.subject())) {
        violatedAt.accept(c.line());
      }
    }
  }

  /** MR003: the model saw an owner-less region (not an alias or container) destroyed by this call. */
  static final class OwnerlessFree implements RuleOracle {
    @Override
    public String ruleId() {
      return "MR003";
    }

    @Override
    public void after(ModelState s, Call c, IntConsumer violatedAt) {
      if (c.outcomes().stream().anyMatch(o -> o instanceof Outcome.OwnerlessDestroyed)) violatedAt.accept(c.line());
    }
  }

  /** MR004: a memory API call (other than init and g_free) in instance_finalize on a region the device owns. */
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
      boolean regionCall = c.stmt() instanceof Unparent || c.stmt() instanceof Ref || c.stmt() instanceof Unref
          || c.stmt() instanceof AddSubregion || c.stmt() instanceof DelSubregion;
      if (regionCall && s.own(c.subject()) && !s.finalizedBeforeDevice(c.subject())) violatedAt.accept(c.line());
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
      // Under refcount qdev deletes the device's regions from their containers after unrealize; one the
      // device unparented itself while mapped is MR002's finding.
      if (s.scenario() != Scenario.LIFETIME || !s.tornDown() || s.semantics() == Semantics.REFCOUNT) return;
      for (Call c : s.calls()) {
        if (!(c.stmt() instanceof AddSubregion) || !beforeTeardown(c) || !s.own(c.subject()) || s.own(c.container())) {
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
        if (c.stmt() instanceof AddSubregion && s.leftMapped(c) && !s.own(c.container())) {
          violatedAt.accept(c.line());
        } else if (c.stmt() instanceof AddressSpaceInit && c.space().state() == AddressSpace.State.LIVE) {
          violatedAt.accept(c.line());
        }
      }
    }
  }
}
