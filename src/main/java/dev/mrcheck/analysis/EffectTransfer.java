package dev.mrcheck.analysis;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.Value;
import dev.mrcheck.model.Operand;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one modelled call's effect does to the region facts: one method per operation. Each first
 * reports the effect to the observation sink (with the state before it), then updates the state. An
 * effect on a region the analysis cannot name does nothing, nor, in instance_finalize, one that
 * needs a region of the device's not made on this path ({@link RegionFlow#notMadeYet}).
 */
final class EffectTransfer implements Operation.Visitor<Operand, Void> {
  private final FlowFrame frame;
  private final Stmt.Call call;
  private final List<Place> args;
  private final Place result;
  private final RegionState s;
  private final Role phase;

  EffectTransfer(FlowFrame frame, Stmt.Call call, List<Place> args, Place result, RegionState s) {
    this.frame = frame;
    this.call = call;
    this.args = args;
    this.result = result;
    this.s = s;
    this.phase = frame.ctx.phase();
  }

  private Place operand(Operand o) {
    return FlowFrame.operand(o, args, result);
  }

  /**
   * Whether the effect does nothing here: its {@code subject} cannot be named, or (in
   * instance_finalize) one of the regions it {@code needs} is one of the device's not made on this
   * path.
   */
  /**
   * {@code g_free(ms->firmware)} of a {@code char *}: a string, whatever a place of the same name
   * holds in a subclass's struct (a machine's {@code MemoryRegion firmware} beside its parent's
   * file name).
   */
  private boolean freesString(Operand target) {
    if (!(target instanceof Operand.Arg a) || a.index() >= call.args().size()) return false;
    String type = frame.flow.ownerShapes.staticType(frame.f, call.args().get(a.index()));
    return type != null && STRINGS.contains(type);
  }

  private static final Set<String> STRINGS = Set.of("char", "gchar");

  private boolean skipped(Operand subject, Operand... needs) {
    if (operand(subject).isUnknown())
      return true; // nothing can be said about a region the analysis cannot name
    if (phase != Role.INSTANCE_FINALIZE || frame.flow.notMadeYet.isEmpty()) return false;
    for (Operand o : needs) {
      String id = operand(o).id();
      if (frame.flow.notMadeYet.contains(id) && !s.knowsMade(id)) {
        return true;
      }
    }
    return false;
  }

  private void observe(Operation<Operand> e, Place subject, Place other) {
    frame.observe(e, call, subject, other, s, null);
  }

  /**
   * The owner argument as written, when it is a whole argument: what its shape is classified from.
   */
  private Value ownerValue(Operand owner) {
    return owner instanceof Operand.Arg oa && oa.field() == null && oa.index() < call.args().size()
        ? call.args().get(oa.index())
        : null;
  }

  @Override
  public Void visitInit(Operation.Init<Operand> i) {
    if (skipped(i.region(), i.aliasTarget())) return null;
    Place subject = operand(i.region());
    Place other = i.owner() == null ? Place.NULL : operand(i.owner());
    OwnerShape shape =
        frame.flow.ownerShapes.classify(
            frame.f, ownerValue(i.owner()), other, subject, frame.ctx.device());
    frame.observe(i, call, subject, other, s, shape);
    s.removeIf(
        f ->
            (f instanceof Fact.Owned || f instanceof Fact.Unparented || f instanceof Fact.Freed)
                && f.region().equals(subject.id()));
    Place target = operand(i.aliasTarget());
    s.add(
        new Fact.Owned(
            subject.id(),
            subject.shown(),
            Ownership.ownerOf(other),
            other.shown(),
            i.kind(),
            phase,
            call.loc(),
            target.isUnknown() || target.isNull() ? null : target.id(),
            shape == OwnerShape.THE_REGION));
    frame.justInitialized = subject;
    return null;
  }

  @Override
  public Void visitMap(Operation.Map<Operand> m) {
    if (skipped(m.region(), m.region(), m.container())) return null;
    Place subject = operand(m.region());
    Place other = operand(m.container());
    observe(m, subject, other);
    // A container of the device's, in instance_finalize, was finalized with its child properties
    // (unless, under refcount, something still holds it): the add is then a use after
    // finalization, not a mapping. So is the add of a region of the device's that went the same
    // way: a finalized region is put into no container (and holds none of it alive).
    boolean gone = droppedBeforeFinalize(other);
    if (gone && !Ownership.heldPastChildProperties(s, other.id())) return null;
    if (droppedBeforeFinalize(subject) && !Ownership.heldPastChildProperties(s, subject.id()))
      return null;
    // Already in another container: QEMU asserts !subregion->container, and the region stays where
    // it was.
    // (A container QOM or the program finalized deleted it, under legacy and current semantics.)
    if (!RegionState.isSummarized(subject.id())
        && s.facts(Fact.Mapped.class, subject.id()).stream()
            .anyMatch(
                old ->
                    old.liveUnder(frame.flow.semantics)
                        && Ownership.otherKnownContainer(s, old, other))) {
      return null;
    }
    s.markAcquired(subject.id(), RegionState.Release.MAPPINGS);
    s.add(
        new Fact.Mapped(
            subject.id(),
            subject.shown(),
            other.id(),
            other.shown(),
            m.undoneBefore(),
            Ownership.ownership(s, subject),
            Ownership.ownership(s, other),
            phase,
            call.loc(),
            frame.ctx.chain(),
            gone,
            false));
    return null;
  }

  /** A region of the device's, seen in instance_finalize: QOM dropped it with the children. */
  private boolean droppedBeforeFinalize(Place region) {
    return phase == Role.INSTANCE_FINALIZE
        && Ownership.droppedWithChildProperties(s.facts(Fact.Owned.class, region.id()));
  }

  @Override
  public Void visitUnmap(Operation.Unmap<Operand> u) {
    // (a null region: memory_region_del_subregion of everything in the container)
    if (skipped(u.region() == null ? u.container() : u.region(), u.region(), u.container()))
      return null;
    if (u.region() == null) {
      Place from = operand(u.container());
      Set<String> left = new HashSet<>();
      for (Fact f : s.facts())
        if (f instanceof Fact.Mapped m && m.container().equals(from.id())) left.add(m.region());
      s.removeIf(f -> f instanceof Fact.Mapped m && m.container().equals(from.id()));
      for (String region : left)
        if (RegionState.isSummarized(region)) s.markReleased(region, RegionState.Release.MAPPINGS);
      return null;
    }
    Place subject = operand(u.region());
    Place from = operand(u.container());
    observe(u, subject, from);
    // A delete from a container the region is in on no path fails QEMU's assertion and unmaps
    // nothing. (If it
    // is there on some path, the others are taken for ones where the delete does not run: paths are
    // not told apart.)
    boolean nowhereThere =
        s.facts(Fact.Mapped.class, subject.id()).stream()
            .noneMatch(m -> m.container().equals(from.id()));
    s.removeIf(
        f ->
            f instanceof Fact.Mapped m
                && m.region().equals(subject.id())
                && !(nowhereThere && Ownership.otherKnownContainer(s, m, from)));
    if (RegionState.isSummarized(subject.id()))
      s.markReleased(subject.id(), RegionState.Release.MAPPINGS);
    Finalization.lastHolderGone(s, subject.id(), phase, frame.flow.semantics);
    return null;
  }

  @Override
  public Void visitRef(Operation.Ref<Operand> r) {
    if (skipped(r.target(), r.target())) return null;
    Place subject = spelled(operand(r.target()), r.target());
    observe(r, subject, null);
    References.taken(s, subject);
    // object_ref() of a device, a bus or an iothread takes no reference on a region.
    if (r.anyObject() && s.facts(Fact.Owned.class, subject.id()).isEmpty() || untracked(r.target()))
      return null;
    Fact.Owner owner = Ownership.refOwnership(s, subject, frame.flow.semantics);
    if (owner == null) return null;
    s.markAcquired(subject.id(), RegionState.Release.REFERENCES);
    s.add(
        new Fact.Referenced(
            subject.id(),
            subject.shown(),
            call.callee(),
            owner,
            phase,
            call.loc(),
            frame.ctx.chain(),
            References.nextAge(s, subject)));
    // Reached through a pointer the device keeps (s->win = g_new0(...) earlier): the device holds
    // it.
    if (subject.id().startsWith("new@") && s.pointedToFrom(Place.SELF, subject.id())) {
      References.stored(s, subject, true);
    }
    return null;
  }

  @Override
  public Void visitUnref(Operation.Unref<Operand> u) {
    if (skipped(u.target(), u.target())) return null;
    Place subject = operand(u.target());
    observe(u, subject, null);
    References.released(
        s, subject, Fact.Referenced.class, Fact.HeldBy.FIND, released(subject, u.target(), null));
    if (RegionState.isSummarized(subject.id()))
      s.markReleased(subject.id(), RegionState.Release.REFERENCES);
    Finalization.lastHolderGone(s, subject.id(), phase, frame.flow.semantics);
    return null;
  }

  @Override
  public Void visitUnparent(Operation.Unparent<Operand> u) {
    if (skipped(u.target(), u.target())) return null;
    Place subject = operand(u.target());
    observe(u, subject, null);
    List<String> releasedTargets = List.of();
    // In instance_finalize the device's own regions are already gone and unparent is a no-op
    // (docs/lifetime.md#phases): what is known of their owner still tells later calls on them
    // apart.
    if (phase == Role.INSTANCE_FINALIZE && Ownership.ownership(s, subject) == Fact.Owner.SELF)
      return null;
    if (Ownership.finalizedByUnparent(s, subject, frame.flow.semantics)) {
      // memory_region_finalize deletes the subregions of a container it finalizes.
      s.removeIf(f -> f instanceof Fact.Mapped m && m.container().equals(subject.id()));
    } else if (Ownership.ownedContainer(s, subject) && !Ownership.ownsItself(s, subject.id())) {
      // Still held: finalized (subregions deleted) only where nothing reference-counts the region
      // itself.
      // (A container that owns itself is counted itself under every semantics: it lives on,
      // mappings and all.)
      List<Fact.Mapped> inside = new ArrayList<>();
      for (Fact f : s.facts())
        if (f instanceof Fact.Mapped m && m.container().equals(subject.id())) inside.add(m);
      s.removeIf(f -> f instanceof Fact.Mapped m && m.container().equals(subject.id()));
      for (Fact.Mapped m : inside) s.add(m.withContainerUnparented());
    }
    // Only an unparent that unlinks the region does anything: after it the region has no parent.
    if (!s.facts(Fact.Owned.class, subject.id()).isEmpty()) {
      // Under legacy and current semantics references are on the owner: only the child property
      // held the region.
      boolean ownsItself = Ownership.ownsItself(s, subject.id());
      boolean finalized =
          frame.flow.semantics != Semantics.REFCOUNT && !ownsItself
              || !Ownership.held(s, subject.id(), frame.flow.semantics);
      List<String> targets = Ownership.aliasTargets(s, subject.id());
      s.add(
          new Fact.Unparented(
              subject.id(),
              Ownership.ownership(s, subject),
              finalized,
              ownsItself,
              targets.size() == 1 ? targets.get(0) : null));
      // A finalized alias lets its target go: the reference it held on it is dropped.
      if (finalized) releasedTargets = targets;
      if (finalized && (frame.flow.semantics == Semantics.REFCOUNT || ownsItself))
        References.countFinalized(s, subject.id());
      List<Fact.Mapped> own = s.facts(Fact.Mapped.class, subject.id());
      s.removeIf(f -> f instanceof Fact.Mapped && f.region().equals(subject.id()));
      for (Fact.Mapped m : own) s.add(m.withRegionUnparented());
    }
    s.removeIf(f -> f instanceof Fact.Owned && f.region().equals(subject.id()));
    for (String target : releasedTargets)
      Finalization.lastHolderGone(s, target, phase, frame.flow.semantics);
    return null;
  }

  @Override
  public Void visitFree(Operation.Free<Operand> fr) {
    if (skipped(fr.target()) || freesString(fr.target())) return null;
    Place subject = operand(fr.target());
    observe(fr, subject, null);
    if (subject.isUnknown() || subject.isNull()) return null;
    // In instance_finalize the device's regions were finalized before: freeing their storage does
    // not
    // make a later call on them any less a use after finalization. Under legacy and current
    // semantics a memory_region_ref is on the owner: freeing the region does not give it back.
    boolean finalizing = phase == Role.INSTANCE_FINALIZE;
    List<Fact.DestroyPending> lost = new ArrayList<>();
    for (Fact.DestroyPending d : s.facts(Fact.DestroyPending.class)) {
      if (d.root() != null && Place.isWithin(d.region(), subject.id())) lost.add(d);
    }
    List<Fact.Freed> freed = freedRegions(subject);
    s.removeIf(
        f ->
            !(f instanceof Fact.AddressSpaceLive)
                && Place.isWithin(f.region(), subject.id())
                && !(finalizing && f instanceof Fact.Owned o && o.owner() == Fact.Owner.SELF)
                && !(frame.flow.semantics != Semantics.REFCOUNT && Ownership.isRegionRef(f)));
    // Nothing is mapped in a container whose storage is gone (its finalization would delete them).
    s.removeIf(f -> f instanceof Fact.Mapped m && Place.isWithin(m.container(), subject.id()));
    if (!finalizing) Finalization.forgetFreedHeld(s, subject.id());
    for (Fact.DestroyPending d : lost) s.add(new Fact.RootKeptByLostDestroy(d.root(), d.region()));
    for (Fact.Freed f : freed) s.add(f);
    return null;
  }

  /**
   * What a later ref on the freed regions still reads: for each region within {@code freed} the
   * state knows an owner of (initialized, or unparented since), that owner.
   */
  private List<Fact.Freed> freedRegions(Place freed) {
    List<Fact.Freed> out = new ArrayList<>();
    for (Fact f : s.facts()) {
      if (!Place.isWithin(f.region(), freed.id())) continue;
      if (f instanceof Fact.Owned o) out.add(new Fact.Freed(o.region(), o.owner(), o.ownsItself()));
      else if (f instanceof Fact.Unparented u)
        out.add(new Fact.Freed(u.region(), u.owner(), u.ownsItself()));
      else if (f instanceof Fact.Freed fr) out.add(fr);
    }
    return out;
  }

  @Override
  public Void visitKeeps(Operation.Keeps<Operand> k) {
    if (skipped(k.target())) return null;
    References.stored(s, operand(k.target()), false);
    return null;
  }

  @Override
  public Void visitAddressSpaceInit(Operation.AddressSpaceInit<Operand> a) {
    if (skipped(a.addressSpace(), a.root())) return null;
    Place subject = operand(a.addressSpace());
    Place other = operand(a.root());
    observe(a, subject, other);
    s.markAcquired(subject.id(), RegionState.Release.ADDRESS_SPACES);
    s.removeIf(f -> f instanceof Fact.DestroyPending && f.region().equals(subject.id()));
    s.add(
        new Fact.AddressSpaceLive(
            other.id(),
            other.shown(),
            subject.id(),
            subject.shown(),
            Ownership.ownership(s, other),
            phase,
            call.loc(),
            frame.ctx.chain(),
            frame.guards(),
            Ownership.ownHeld(s, other)));
    return null;
  }

  @Override
  public Void visitAddressSpaceDestroy(Operation.AddressSpaceDestroy<Operand> d) {
    if (skipped(d.addressSpace())) return null;
    Place subject = operand(d.addressSpace());
    observe(d, subject, null);
    if (!d.frees()) {
      boolean known = false;
      for (Fact.AddressSpaceLive l : s.facts(Fact.AddressSpaceLive.class)) {
        if (!l.addressSpace().equals(subject.id())) continue;
        known = true;
        s.add(
            new Fact.DestroyPending(
                subject.id(),
                subject.shown(),
                l.region(),
                l.shown(),
                l.phase(),
                l.at(),
                phase,
                call.loc(),
                frame.guards(),
                l.rootOwner(),
                l.ownHeld()));
      }
      // Initialized where this replay did not look (an earlier run-time call): the destroy is
      // pending all the same.
      if (!known) {
        s.add(
            new Fact.DestroyPending(
                subject.id(),
                subject.shown(),
                null,
                null,
                null,
                null,
                phase,
                call.loc(),
                frame.guards(),
                null,
                List.of()));
      }
    }
    List<String> roots = new ArrayList<>();
    for (Fact.AddressSpaceLive l : s.facts(Fact.AddressSpaceLive.class))
      if (l.addressSpace().equals(subject.id())) roots.add(l.region());
    s.removeIf(f -> f instanceof Fact.AddressSpaceLive l && l.addressSpace().equals(subject.id()));
    for (String root : roots) Finalization.lastHolderGone(s, root, phase, frame.flow.semantics);
    if (RegionState.isSummarized(subject.id()))
      s.markReleased(subject.id(), RegionState.Release.ADDRESS_SPACES);
    return null;
  }

  @Override
  public Void visitAddressSpaceMap(Operation.AddressSpaceMap<Operand> m) {
    if (skipped(m.result())) return null;
    Place subject = spelled(operand(m.result()), m.result());
    Place other = operand(m.addressSpace());
    observe(m, subject, other);
    References.taken(s, subject);
    if (untracked(m.result())) return null;
    s.add(
        new Fact.Held(
            subject.id(),
            subject.shown(),
            Fact.HeldBy.MAP,
            other.shown(),
            phase,
            call.loc(),
            frame.ctx.chain()));
    return null;
  }

  @Override
  public Void visitAddressSpaceUnmap(Operation.AddressSpaceUnmap<Operand> u) {
    if (skipped(u.mapping())) return null;
    Place subject = operand(u.mapping());
    observe(u, subject, null);
    References.released(
        s,
        subject,
        Fact.Held.class,
        Fact.HeldBy.MAP,
        released(subject, u.mapping(), Fact.HeldBy.MAP));
    return null;
  }

  @Override
  public Void visitFind(Operation.Find<Operand> fd) {
    if (skipped(fd.reference())) return null;
    Place subject = spelled(operand(fd.reference()), fd.reference());
    observe(fd, subject, null);
    References.taken(s, subject);
    if (untracked(fd.reference())) return null;
    s.add(
        new Fact.Held(
            subject.id(),
            subject.shown(),
            Fact.HeldBy.FIND,
            null,
            phase,
            call.loc(),
            frame.ctx.chain()));
    return null;
  }

  /** The call's result is named before the effects run ({@link FlowFrame}): nothing to do here. */
  @Override
  public Void visitReturns(Operation.Returns<Operand> r) {
    return null;
  }

  @Override
  public Void visitDeviceOwner(Operation.DeviceOwner<Operand> d) {
    if (skipped(d.owner())) return null;
    Place owner = operand(d.owner());
    Place region = frame.regionInitializedBy(call, args, result);
    frame.observe(
        d,
        call,
        owner,
        region,
        s,
        frame.flow.ownerShapes.classify(
            frame.f, ownerValue(d.owner()), owner, region, frame.ctx.device()));
    return null;
  }

  @Override
  public Void visitRegisters(Operation.Registers<Operand> r) {
    if (skipped(r.target())) return null;
    observe(r, operand(r.target()), operand(r.with()));
    return null;
  }

  @Override
  public Void visitReportsError(Operation.ReportsError<Operand> r) {
    if (skipped(r.errp())) return null;
    if (operand(r.errp()).id().equals(Place.ERROR.id()))
      s.add(new Fact.ErrorReported(Place.ERROR.id()));
    return null;
  }

  /**
   * A predicate: it acts on the branch it decides ({@link FlowFrame}'s assumptions), not at the
   * call.
   */
  @Override
  public Void visitTestsMapped(Operation.TestsMapped<Operand> t) {
    return null;
  }

  /**
   * What a release that gives back the last reference held on {@code subject}, through the pointer
   * {@code pointer} names, leaves behind.
   */
  private Fact.Released released(Place subject, Operand pointer, Fact.HeldBy by) {
    return new Fact.Released(
        subject.id(),
        subject.shown(),
        by,
        call.callee(),
        phase,
        call.loc(),
        frame.ctx.chain(),
        throughVariable(pointer));
  }

  /** Whether {@code pointer} is a whole argument written as a variable ({@code res}, no field). */
  private boolean throughVariable(Operand pointer) {
    return pointer instanceof Operand.Arg a
        && a.field() == null
        && a.index() < call.args().size()
        && call.args().get(a.index()) instanceof Value.Path p
        && p.path().kind() != AccessPath.Root.GLOBAL
        && p.path().steps().isEmpty();
  }

  @Override
  public Void visitInitMisowned(Operation.InitMisowned<Operand> o) {
    throw notModelled(o);
  }

  @Override
  public Void visitReturnsHolding(Operation.ReturnsHolding<Operand> o) {
    throw notModelled(o);
  }

  @Override
  public Void visitSetFreeHook(Operation.SetFreeHook<Operand> o) {
    throw notModelled(o);
  }

  @Override
  public Void visitUse(Operation.Use<Operand> o) {
    throw notModelled(o);
  }

  /**
   * Operations the API model never binds (a wrong owner and a free hook are what the analysis finds
   * in the code, a lost reference what a rule concludes): no modelled call has them.
   */
  private static IllegalStateException notModelled(Operation<Operand> o) {
    return new IllegalStateException("a modelled call has no effect " + o);
  }

  /**
   * A reference in a result the code does not assign to a variable or a field: it went into an
   * expression the IR does not follow ({@code memory_region_find(..).mr} as an initializer), so
   * where it ends up, and whether it is given back, is unknown.
   */
  private boolean untracked(Operand o) {
    return o instanceof Operand.Result && call.result() == null;
  }

  /**
   * A reference in the call's result, named as the code stores it: {@code sec.mr} rather than
   * {@code memory_region_find(...).mr}.
   */
  private Place spelled(Place p, Operand o) {
    if (!(o instanceof Operand.Result r) || call.result() == null) return p;
    return new Place(p.id(), call.result() + (r.field() == null ? "" : "." + r.field()));
  }
}
