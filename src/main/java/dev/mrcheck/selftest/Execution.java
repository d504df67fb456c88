package dev.mrcheck.selftest;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.runtime.AddressSpace;
import dev.mrcheck.runtime.Outcome;
import dev.mrcheck.runtime.Region;
import dev.mrcheck.selftest.CallbackSequences.Callback;
import dev.mrcheck.selftest.DeviceProgram.ApiCall;
import dev.mrcheck.selftest.DeviceProgram.CallHelper;
import dev.mrcheck.selftest.DeviceProgram.IfError;
import dev.mrcheck.selftest.DeviceProgram.Stmt;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One scenario on one path of {@link ModelOracle}: drives the device through its lifecycle hooks,
 * takes or queues the error branches, runs each call in the model ({@link StatementEffects}) and
 * lets the {@link RuleOracle}s judge it before and after.
 */
final class Execution extends ExecutionState {
  private final List<RuleOracle> oracles;

  Execution(
      List<RuleOracle> oracles,
      DeviceProgram program,
      RenderedSource source,
      Semantics semantics,
      Scenario scenario,
      List<Callback> sequence,
      List<Boolean> prefix,
      Deque<List<Boolean>> todo) {
    super(program, source, semantics, scenario, sequence, prefix, todo);
    this.oracles = oracles;
  }

  void run() {
    if (scenario == Scenario.FACTORY_OBJECT) {
      FactoryObjectLife.alone(this);
      return;
    }
    hook(Role.INSTANCE_INIT);
    if (scenario == Scenario.INTROSPECTION) {
      model.note(null, "== throw-away instance: last reference dropped ==");
      tornDown = true;
      finish();
      return;
    }
    model.addChild(model.machine(), device, null);
    if (!hook(Role.REALIZE)) {
      // A realize that fails is never followed by unrealize: qdev drops the device, which is
      // finalized.
      model.note(null, "== realize failed: unparented, last reference dropped ==");
      realizeFailed = true;
      // device_add of a hot-pluggable device fails and the machine goes on; a board device whose
      // realize fails stops the machine, so what it leaves behind is not a leak that matters.
      tornDown = scenario == Scenario.LIFETIME && program.hotPluggable();
      model.objectUnparent(device, null);
      finish();
      return;
    }
    // The device lives now: RCU grace periods pass before its callbacks run, it is unplugged, or
    // (TEARDOWN)
    // the machine is torn down. A failure after the realize hook returned would run unrealize first
    // (qdev's post_realize_fail, pci_qdev_unrealize): only the error branch above drops the device
    // at once.
    model.note(null, "== the device lives: RCU callbacks of realize run ==");
    model.rcuDrain();
    runtimeCallbacks();
    if (scenario == Scenario.RUNTIME) {
      model.note(null, "== the device lives on ==");
      endOfScenario();
      return;
    }
    if (scenario == Scenario.LIFETIME && !program.hotPluggable()) {
      model.note(null, "== not hot-pluggable: lives as long as the machine ==");
      endOfScenario();
      return;
    }
    if (scenario != Scenario.TEARDOWN) {
      hook(Role.UNREALIZE);
      // What qdev finalizes after unrealize (refcount) is the device's teardown, not the program's
      // doing.
      noteFinalizedByProgram();
      model.afterUnrealize(device);
    }
    if (scenario == Scenario.UNREALIZE_ANYWAY) {
      endOfScenario();
      return;
    }
    tornDown = scenario == Scenario.LIFETIME;
    model.note(null, "== unplug: unparented, last reference dropped ==");
    model.objectUnparent(device, null);
    finish();
  }

  /**
   * The run-time callbacks of {@link #sequence}, in order, between realize and the device's
   * teardown, as the analysis replays them (RuntimeStates, {@link CallbackSequences}): QEMU may run
   * each any number of times in any order, and each run starts from the state the previous one
   * left. Between two runs, and before the teardown, RCU grace periods pass (the analysis settles
   * the state likewise).
   */
  void runtimeCallbacks() {
    int i = 0;
    for (Callback c : sequence) {
      model.note(null, "== run time: " + c.shown() + ", invocation " + ++i + " ==");
      function(c.body(program));
      model.rcuDrain();
    }
  }

  void finish() {
    noteFinalizedByProgram();
    model.objectUnref(device, null);
    for (Call c : calls) {
      if (c.operation() instanceof Operation.AddressSpaceDestroy
          && c.space().state() == AddressSpace.State.DESTROY_PENDING) {
        pendingAtUnplug.add(new PendingDestroy(c.space(), rootHoldsDevice(c.space())));
      }
    }
    model.rcuDrain();
    model.checkLeaks();
    endOfScenario();
    if (device.isFinalized()) return;
    // The analysis reads instance_finalize from the states after instance_init, after realize and
    // (for
    // a hot-pluggable device) after unrealize whether or not a leak keeps the device alive: its
    // calls
    // are judged as if the leak were fixed (the leak is a finding of its own, judged above).
    // Nothing
    // it leaves behind is judged any more. After a whole lifetime it runs silently (the other
    // scenarios judge its calls), only so that what it releases counts as released: a reference on
    // another object's region dropped there is no leak of its own.
    judgingLeaks = false;
    judgingCalls = scenario != Scenario.LIFETIME;
    int before = calls.size();
    model.finalizeDespiteReferences(device, null);
    judgingCalls = true;
    forced.addAll(calls.subList(before, calls.size()));
    for (RuleOracle o : oracles)
      o.afterForcedFinalize(this, line -> found.add(new Violation(o.ruleId(), line)));
  }

  /**
   * Once per scenario, when the device's teardown begins: the regions the program finalized by
   * then.
   */
  void noteFinalizedByProgram() {
    if (teardownBegun) return;
    teardownBegun = true;
    for (Region r : regions.values()) if (r.isFinalized()) finalizedBeforeDevice.add(r);
  }

  void endOfScenario() {
    for (RuleOracle o : oracles) o.atEnd(this, line -> found.add(new Violation(o.ruleId(), line)));
  }

  /** Runs a lifecycle hook; false when it returned through an error branch. */
  boolean hook(Role role) {
    if (role == Role.INSTANCE_FINALIZE && tornDown && judgingLeaks) {
      for (RuleOracle o : oracles)
        o.beforeFinalize(this, line -> found.add(new Violation(o.ruleId(), line)));
    }
    Role saved = phase;
    phase = role;
    model.note(null, "== " + role.modelName() + " ==");
    PlainObject factory = program.factory();
    if (factory != null && factory.createdIn() == role) FactoryObjectLife.make(this);
    boolean completed = function(program.hook(role));
    if (completed && factory != null && factory.releasedIn() == role)
      FactoryObjectLife.release(this);
    phase = saved;
    return completed;
  }

  /**
   * Runs a function's body; when it returns, a memory_region_find reference still held in one of
   * its local sections can never be given back.
   */
  boolean function(List<Stmt> body) {
    List<Call> saved = frame;
    frame = new ArrayList<>();
    boolean completed = body(body);
    for (Call find : frame) {
      int before = model.outcomes().size();
      model.loseReference(
          find.subject(),
          section(((Slot.SectionAt) find.operation().subject()).index()),
          SourceLoc.of(source.fileName(), find.line(), 1),
          "the function returns and the section was its only pointer");
      if (model.outcomes().size() > before) lostAtReturn.add(find);
    }
    frame = saved;
    return completed;
  }

  /** Runs a body; false when it returned early (an error branch was taken). */
  boolean body(List<Stmt> body) {
    for (Stmt s : body) {
      if (s instanceof IfError e) {
        if (decide()) {
          body(e.then());
          return false;
        }
      } else if (s instanceof Guard g) {
        boolean holds = g.holds(fields.value(g.field(), this::decide));
        model.note(null, "guard " + source.lineOf(g) + (holds ? " holds" : " does not hold"));
        if (!body(holds ? g.then() : g.otherwise())) return false;
      } else if (s instanceof StateFieldWrite w) {
        fields.write(w);
      } else if (s instanceof CallHelper h) {
        if (h.helper() < program.helpers().size()) function(program.helpers().get(h.helper()));
      } else {
        call((ApiCall) s);
      }
    }
    return true;
  }

  /**
   * The next branch decision: replayed from the prefix, then "not taken", queueing the taken
   * alternative.
   */
  boolean decide() {
    int i = next++;
    if (i < prefix) {
      return decisions.get(i);
    }
    List<Boolean> taken = new ArrayList<>(decisions);
    taken.add(true);
    todo.push(taken);
    decisions.add(false);
    return false;
  }

  void call(ApiCall s) {
    Operation<Slot> op = s.operation();
    int line = source.lineOf(s);
    // The column tells the phases apart: a helper called from realize and again from unrealize
    // takes
    // references at the same line, and only the one realize took outlives teardown as a finding.
    SourceLoc loc =
        SourceLoc.of(
            source.fileName(),
            line,
            phase == null ? Role.values().length + 1 : phase.ordinal() + 1);
    StatementOperands.Operands operands = op.accept(new StatementOperands(this));
    Region subject = operands.subject();
    Region container = operands.container();
    AddressSpace space = operands.space();
    boolean usable =
        op instanceof Operation.Init<Slot> i
            ? i.aliasTarget() == null || container != null
            : op instanceof Operation.AddressSpaceDestroy || DeviceProgram.freesSpace(op)
                ? space != null
                : subject != null
                    && (!(op instanceof Operation.Map || op instanceof Operation.Unmap)
                        || container != null);
    if (!usable) {
      // instance_finalize after a failed realize meets regions realize never made, as it does after
      // introspection: normal, and the call is skipped. Anywhere else C leaves the call undefined.
      malformed |= !(phase == Role.INSTANCE_FINALIZE && realizeFailed);
      // A region no statement of the program ever initializes is zeroed memory in every scenario:
      // the
      // call is undefined C even where a region simply not made yet would be normal.
      undefined |= op.accept(new StatementOperands.NeverMade(this));
      model.note(
          loc,
          "skipped (a region or address space not initialized on this path): "
              + source.text().lines().skip(line - 1).findFirst().orElse("").strip());
      return;
    }
    // An unref with no reference of its own to give back takes one from whoever holds the region (a
    // container's mapping, a section): the count is only a number in QEMU. The rules judge
    // references
    // against their holders (docs/lifetime.md#rules has no rule for an unref underflow), so what
    // such a program
    // then leaks or frees has no verdict either side shares (in a forced instance_finalize as
    // anywhere).
    if ((DeviceProgram.unrefOfField(op)
                || op instanceof Operation.Unref<Slot> b && b.target() == Slot.Fixed.BACKEND)
            && model.unrefTakesForeignReference(subject, device)
        || op instanceof Operation.Unref<Slot> u
            && u.target() instanceof Slot.SectionAt sec
            && model.unrefTakesForeignReference(subject, section(sec.index()))) {
      undefined = true;
    }
    if (!judgingCalls) {
      Call call = new Call(s, phase, line, subject, container, space, List.of());
      for (RuleOracle o : oracles) {
        if (o.judgesLeakedFinalize())
          o.before(this, call, l -> found.add(new Violation(o.ruleId(), l)));
      }
      Call after = applied(s, loc, line, subject, container, space);
      for (RuleOracle o : oracles) {
        if (o.judgesLeakedFinalize())
          o.after(this, after, l -> found.add(new Violation(o.ruleId(), l)));
      }
      forced.add(new Call(s, phase, line, subject, container, after.space(), List.of()));
      return;
    }
    if (op instanceof Operation.Init<Slot> i
        && i.region() instanceof Slot.RegionAt
        && regions.get(Slot.region(i.region())) != null
        && !regions.get(Slot.region(i.region())).isFinalized()) {
      malformed = true;
    }
    // g_free of a live region released its storage behind QOM's back: whatever uses it afterwards
    // reads freed memory (undefined C), which neither the model nor the analysis can give a meaning
    // to, in whichever scenario it happens (the instance_finalize of a device torn down with the
    // machine included: realize freed the container, finalize deletes from it).
    if (freedAlive.contains(subject) || container != null && freedAlive.contains(container)) {
      malformed = true;
      undefined = true;
    }
    // g_free of a live region that a memory_region_ref of the program still counts on (one that
    // owns itself: the MR009 misuse): the holder is left pointing at freed memory, a pattern the
    // generator does not mean to write (README) and neither side can give a meaning to.
    if (op instanceof Operation.Free<Slot> f
        && !f.addressSpace()
        && subject != null
        && !subject.isFinalized()
        && subject.references().stream()
            .anyMatch(r -> callOf(r) != null && callOf(r).operation() instanceof Operation.Ref)) {
      undefined = true;
    }
    // The RCU callback of address_space_destroy drops the reference on the root: a root g_free
    // released while alive is used then.
    if (op instanceof Operation.AddressSpaceDestroy
        && space != null
        && freedAlive.contains(space.root())) {
      malformed = true;
    }
    // A region added to a container the program itself finalized earlier, or a region the program
    // finalized added anywhere: QEMU links the dead object all the same (add_subregion checks no
    // liveness), and whether it is then "mapped", or what a second unparent of it does, has no
    // answer
    // either side shares. (The device's own regions in instance_finalize, finalized by QOM, are
    // understood by both: MR004.) Undefined in a throw-away instance's or a teardown's
    // instance_finalize
    // as well: unlike a region not made yet, a dead one is no more normal there.
    if (op instanceof Operation.Map && (deadByProgram(container) || deadByProgram(subject))) {
      undefined = true;
    }
    // address_space_init over a live AddressSpace (a helper run twice) relinks it into QEMU's list
    // of
    // address spaces: the first one is lost in corrupted storage, not a pattern either side can
    // judge.
    if (op instanceof Operation.AddressSpaceInit<Slot> a
        && spaces.get(Slot.space(a.addressSpace())) != null
        && spaces.get(Slot.space(a.addressSpace())).state() == AddressSpace.State.LIVE
        && !spaces.get(Slot.space(a.addressSpace())).isFreed()) {
      malformed = true;
    }
    // address_space_init on embedded storage whose destroy is still waiting for RCU: the pending
    // callback (do_address_space_destroy, memory.c) later runs on the new address space, unrefs its
    // root
    // and frees its name and flat view while it stays registered. (A heap one gets fresh storage.)
    if (op instanceof Operation.AddressSpaceInit<Slot> a
        && !DeviceProgram.heapSpace(Slot.space(a.addressSpace()))
        && spaces.get(Slot.space(a.addressSpace())) != null
        && spaces.get(Slot.space(a.addressSpace())).state() == AddressSpace.State.DESTROY_PENDING) {
      malformed = true;
    }
    // address_space_destroy of an address space already destroyed (a teardown helper run twice)
    // removes it from QEMU's list a second time and queues a second RCU callback on one rcu_head:
    // undefined, not a pattern either side can judge. Unlike a call on a space realize never made,
    // it is undefined in instance_finalize after introspection too, but for a TEARDOWN that skipped
    // the unrealize of a hot-pluggable device whose unrealize initializes the address space again
    // (its LIFETIME judges that).
    if (op instanceof Operation.AddressSpaceDestroy<Slot> d
        && space != null
        && space.state() != AddressSpace.State.LIVE) {
      malformed = true;
      undefined |=
          !(scenario == Scenario.TEARDOWN
              && program.hotPluggable()
              && program.initializesSpace(Role.UNREALIZE, Slot.space(d.addressSpace())));
    }
    if ((op instanceof Operation.AddressSpaceDestroy || DeviceProgram.freesSpace(op))
        && space != null
        && (space.isFreed() || freedSpaces.contains(space))) {
      // A call on an address space whose storage was freed, or queued for freeing, already.
      undefined = true;
    }
    if (DeviceProgram.freesSpace(op) && space != null) freedSpaces.add(space);
    Call before = new Call(s, phase, line, subject, container, space, List.of());
    for (RuleOracle o : oracles)
      o.before(this, before, l -> found.add(new Violation(o.ruleId(), l)));
    Call after = applied(s, loc, line, subject, container, space);
    // An unref the model refuses (no reference of the program's to give back, none of another
    // region's or a section's to take): QEMU would decrement whatever count is there, a parent's
    // child property's included, behind its holder's back. A handler run again meets this after an
    // earlier run gave back the last reference.
    if (op instanceof Operation.Unref
        && after.outcomes().stream()
            .anyMatch(
                o ->
                    o instanceof Outcome.AssertionFailure a
                        && a.assertion().equals("obj->ref > 0"))) {
      undefined = true;
    }
    noteCrashes(after.outcomes());
    calls.add(after);
    byLoc.putIfAbsent(loc, after);
    if (op instanceof Operation.Find && frame != null) frame.add(after);
    for (RuleOracle o : oracles) o.after(this, after, l -> found.add(new Violation(o.ruleId(), l)));
  }

  /**
   * Runs {@code s} in the model: the call as it ends, with the model's outcomes of it (an init's
   * new region).
   */
  Call applied(
      ApiCall s, SourceLoc loc, int line, Region subject, Region container, AddressSpace space) {
    int outcomesBefore = model.outcomes().size();
    AddressSpace spaceAfter =
        s.operation().accept(new StatementEffects(this, loc, subject, container, space));
    Region subjectAfter =
        s.operation() instanceof Operation.Init<Slot> i
            ? i.region() == Slot.Fixed.FACTORY_REGION
                ? factoryRegion
                : regions.get(Slot.region(i.region()))
            : subject;
    return new Call(
        s,
        phase,
        line,
        subjectAfter,
        container,
        spaceAfter,
        List.copyOf(model.outcomes().subList(outcomesBefore, model.outcomes().size())));
  }

  /** Mappings the model undid only because a region was finalized while still mapped. */
  void noteCrashes(List<Outcome> outcomes) {
    for (Outcome o : outcomes) {
      if (!(o instanceof Outcome.FinalizedWhileMapped f)) continue;
      for (Call c : calls) {
        if (c.operation() instanceof Operation.Map
            && c.subject().name().equals(f.region())
            && c.container().name().equals(f.mappedIn())
            && c.subject().isFinalized()) {
          crashed.add(c);
        }
      }
    }
  }
}
