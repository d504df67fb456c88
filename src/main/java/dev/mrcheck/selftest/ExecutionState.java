package dev.mrcheck.selftest;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.runtime.AddressSpace;
import dev.mrcheck.runtime.Holder;
import dev.mrcheck.runtime.Node;
import dev.mrcheck.runtime.QObject;
import dev.mrcheck.runtime.Reference;
import dev.mrcheck.runtime.Region;
import dev.mrcheck.runtime.RuntimeModel;
import dev.mrcheck.selftest.CallbackSequences.Callback;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one execution of a program (one scenario on one path, see {@link Execution}) has done so
 * far: the model it runs in, the regions and address spaces the program's statements made, the
 * calls, and what they left undefined; and the answers the {@link RuleOracle}s get from it ({@link
 * ModelState}).
 */
abstract class ExecutionState implements ModelState {
  final DeviceProgram program;
  final RenderedSource source;
  final Semantics semantics;
  final Scenario scenario;

  /** The run-time callbacks that run between realize and teardown, in order (often none). */
  final List<Callback> sequence;

  final List<Boolean> decisions;
  final int prefix;
  int next;
  final Deque<List<Boolean>> todo;
  final RuntimeModel model;
  final QObject device;
  final QObject peer;
  final Region systemMemory;
  final Map<Integer, Region> regions = new HashMap<>();
  final Map<Integer, AddressSpace> spaces = new HashMap<>();
  final List<Call> calls = new ArrayList<>();

  /**
   * The first call at each location; see {@link Execution#call} for why the column is the phase.
   */
  final Map<SourceLoc, Call> byLoc = new HashMap<>();

  final Set<Violation> found = new TreeSet<>();
  final Set<Call> crashed = Collections.newSetFromMap(new IdentityHashMap<>());
  boolean tornDown;

  /** The memory_region_find calls of the function running now. */
  List<Call> frame;

  final Map<Integer, Holder.External> sections = new HashMap<>();
  Region peerRegion;

  /** What {@code s->backend} points at when the link is set: made on first use. */
  Region backendRegion;

  /** The state fields guards test ({@link FieldValues}). */
  final FieldValues fields = new FieldValues();

  /** memory_region_find calls whose reference was still held when their function returned. */
  final Set<Call> lostAtReturn = Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * Regions the program itself finalized, or unparented, before the device's teardown began. Under
   * refcount an unparented region that is still mapped or referenced lives on, but it is no longer
   * one of the device's child properties: QOM's finalize does not drop it, so it is not the
   * device's region in instance_finalize (docs/lifetime.md#phases), as under legacy and current,
   * where the same unparent finalizes it.
   */
  final Set<Region> finalizedBeforeDevice = Collections.newSetFromMap(new IdentityHashMap<>());

  boolean teardownBegun;

  /** Regions whose storage the program freed while they were alive. */
  final Set<Region> freedAlive = Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * False once the device is finalized despite a leak: from then on only single calls are judged.
   */
  boolean judgingLeaks = true;

  /**
   * False while a leaked device's instance_finalize runs only for its effects: its calls are not
   * judged.
   */
  boolean judgingCalls = true;

  /**
   * The calls of an instance_finalize the scenario forced on a device a leak kept alive, judged or
   * not.
   */
  final List<Call> forced = new ArrayList<>();

  /**
   * The destroys still waiting for RCU when the device's last reference was dropped, in queue
   * order.
   */
  final List<PendingDestroy> pendingAtUnplug = new ArrayList<>();

  /**
   * A call on a region never initialized, or a live region initialized again: not a pattern to
   * judge.
   */
  boolean malformed;

  /**
   * Undefined C in whichever scenario runs it (unlike {@link #malformed}, whose calls are normal in
   * an instance_finalize that meets regions not made yet): a call on a region or address space no
   * statement initializes, on an address space freed already, an add of a region the program
   * finalized (or into one), an unref that took another holder's reference, a second
   * address_space_destroy. Each is set where it is found, with the reason.
   */
  boolean undefined;

  /** The address spaces the program handed to g_free or g_free_rcu. */
  final Set<AddressSpace> freedSpaces = Collections.newSetFromMap(new IdentityHashMap<>());

  boolean realizeFailed;

  /**
   * The regions and address spaces some statement of the program initializes (made on first need).
   */
  Set<Integer> madeRegions;

  Set<Integer> madeSpaces;
  Role phase;

  /** The factory-made object ({@link PlainObject}) once the device made it, and its region. */
  QObject factoryObject;

  Region factoryRegion;

  /** While the factory-made object's instance_finalize runs. */
  boolean finalizingFactoryObject;

  ExecutionState(
      DeviceProgram program,
      RenderedSource source,
      Semantics semantics,
      Scenario scenario,
      List<Callback> sequence,
      List<Boolean> prefix,
      Deque<List<Boolean>> todo) {
    this.program = program;
    this.source = source;
    this.semantics = semantics;
    this.scenario = scenario;
    this.sequence = List.copyOf(sequence);
    this.decisions = new ArrayList<>(prefix);
    this.prefix = prefix.size();
    this.todo = todo;
    model = new RuntimeModel(semantics);
    systemMemory = model.initRegion("system_memory", null, RegionKind.CONTAINER, null, null);
    peer = model.newObject("peer");
    model.addChild(model.machine(), peer, null);
    model.objectUnref(peer, null);
    device = model.newObject("selftest-dev");
    model.setInstanceFinalize(
        device,
        () -> {
          hook(Role.INSTANCE_FINALIZE);
          if (unplugged() && !source.fileName().endsWith(".java")) {
            InstanceStorageFree.free(
                model, program, regions, calls, l -> found.add(new Violation("MR003", l)));
          }
        });
  }

  /**
   * A hot-pluggable device's unplug (or failed device_add): the case the analysis judges (MR003).
   */
  private boolean unplugged() {
    return tornDown && scenario == Scenario.LIFETIME && program.hotPluggable();
  }

  /** Runs a lifecycle hook; false when it returned through an error branch. */
  abstract boolean hook(Role role);

  boolean deadByProgram(Region r) {
    return r.isFinalized()
        && !(phase == Role.INSTANCE_FINALIZE && own(r) && !finalizedBeforeDevice.contains(r));
  }

  /** The holder of a local section's reference: the function's local variable secN. */
  Holder.External section(int n) {
    return sections.computeIfAbsent(n, k -> new Holder.External("local section sec" + k));
  }

  /** The peer's region that memory_region_find hits in system memory (made on first use). */
  Region peerRegion() {
    if (peerRegion == null) {
      peerRegion = model.initRegion("peer.mmio", peer, RegionKind.IO, null, null);
      model.addSubregion(systemMemory, peerRegion, null);
    }
    return peerRegion;
  }

  /**
   * The region behind the link property {@code s->backend}: another object's, not mapped anywhere
   * the device can see (a region of its own, so that the count a section's reference moves on the
   * peer's mapped region is not this one's).
   */
  Region backendRegion() {
    if (backendRegion == null)
      backendRegion = model.initRegion("peer.backend", peer, RegionKind.RAM, null, null);
    return backendRegion;
  }

  @Override
  public Semantics semantics() {
    return semantics;
  }

  @Override
  public Scenario scenario() {
    return scenario;
  }

  @Override
  public boolean tornDown() {
    return tornDown;
  }

  @Override
  public QObject device() {
    return device;
  }

  @Override
  public boolean hotPluggable() {
    return program.hotPluggable();
  }

  @Override
  public boolean finalizeForced() {
    return !judgingLeaks;
  }

  @Override
  public boolean stillHeld(Call c) {
    // A dropped reference leaves its node's list; one still listed on a finalized node was never
    // given
    // back: its region was freed (g_free) under it.
    for (Node n : model.nodes()) {
      for (Reference ref : n.references()) {
        if (callOf(ref) == c) return true;
      }
    }
    return false;
  }

  @Override
  public List<Call> forcedFinalizeCalls() {
    return forced;
  }

  @Override
  public List<PendingDestroy> pendingAtUnplug() {
    return pendingAtUnplug;
  }

  /**
   * Whether the reference {@code as} holds on its root keeps the device alive
   * (docs/lifetime.md#semantics): under legacy and current it is a reference on the root's owner;
   * under refcount on the root, which (or whose alias target) holds the device once it is no longer
   * one of the device's children (unparented by the program, or by qdev after unrealize) and is
   * still alive.
   */
  boolean rootHoldsDevice(AddressSpace as) {
    if (semantics != Semantics.REFCOUNT) return as.root().owner() == device;
    Set<Region> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Region r = as.root(); r != null && seen.add(r); r = r.aliasTarget()) {
      // An owner-less region is not reference counted: the address space (or an alias) holds
      // neither it
      // nor, through it, what it aliases (the model's address_space_init takes no reference on it).
      if (r.owner() == null && !r.ownsItself()) return false;
      if (own(r) && r.parent() == null && !r.isFinalized()) return true;
    }
    return false;
  }

  @Override
  public boolean arrayElement(Call call) {
    return call.operation().subject() instanceof Slot.RegionAt at
        && program.regions().get(at.index()).shape() == DeviceProgram.Shape.ARRAY;
  }

  @Override
  public boolean lostAtReturn(Call find) {
    return lostAtReturn.contains(find);
  }

  @Override
  public boolean mapped(Region r) {
    if (r.container() != null) return true;
    for (AddressSpace as : model.addressSpaces()) {
      // g_free of a live address space does not unregister it: QEMU's list of address spaces still
      // holds it, and its flat view still points at the root.
      if (as.root() == r && as.state() == AddressSpace.State.LIVE) return true;
    }
    return false;
  }

  @Override
  public boolean leftMapped(Call add) {
    // A later delete undoes this mapping, even if the region was mapped there again afterwards.
    // By identity: a helper called twice makes two equal Call records (same statement, same line).
    int at = 0;
    while (at < calls.size() && calls.get(at) != add) at++;
    for (Call later : calls.subList(at + 1, calls.size())) {
      if (later.operation() instanceof Operation.Unmap
          && later.subject() == add.subject()
          && later.container() == add.container()) {
        return false;
      }
    }
    // Still there, or only the model's recovery from the abort unmapped it, in a container the
    // program
    // did not destroy itself later: finalizing a container deletes its subregions, so had QEMU not
    // aborted, that would have undone the mapping.
    return add.subject().container() == add.container()
        || crashed.contains(add) && !finalizedBeforeDevice.contains(add.container());
  }

  @Override
  public boolean ownedByFinalizingObject(Region r) {
    return finalizingFactoryObject && r != null && r.owner() == factoryObject;
  }

  @Override
  public boolean finalizedBeforeDevice(Region r) {
    return finalizedBeforeDevice.contains(r);
  }

  @Override
  public boolean holdsDevice(Call c) {
    if (c.operation() instanceof Operation.AddressSpaceInit) {
      // A destroy still waiting for its RCU grace period counts as done; a lost one does not.
      return c.space().state() == AddressSpace.State.LIVE || c.space().destroyLost();
    }
    for (Node n : model.nodes()) {
      if (n.isFinalized() || !(n == device || n instanceof Region r && own(r))) continue;
      for (Reference ref : n.references()) {
        if (ref.loc() != null && callOf(ref) == c) return true;
      }
    }
    return false;
  }

  @Override
  public List<Call> calls() {
    return calls;
  }

  /**
   * The call that took {@code ref} (by its line and phase), or null for the model's own references.
   */
  Call callOf(Reference ref) {
    return ref.loc() == null ? null : byLoc.get(ref.loc());
  }
}
