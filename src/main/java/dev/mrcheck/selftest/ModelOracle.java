package dev.mrcheck.selftest;

import dev.mrcheck.model.Semantics;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import dev.mrcheck.runtime.AddressSpace;
import dev.mrcheck.runtime.Holder;
import dev.mrcheck.runtime.Node;
import dev.mrcheck.runtime.Outcome;
import dev.mrcheck.runtime.QObject;
import dev.mrcheck.runtime.Reference;
import dev.mrcheck.runtime.Region;
import dev.mrcheck.runtime.RuntimeModel;
import dev.mrcheck.runtime.TraceEntry;
import dev.mrcheck.selftest.DeviceProgram.AddSubregion;
import dev.mrcheck.selftest.DeviceProgram.AddressSpaceDestroy;
import dev.mrcheck.selftest.DeviceProgram.AddressSpaceInit;
import dev.mrcheck.selftest.DeviceProgram.CallHelper;
import dev.mrcheck.selftest.DeviceProgram.Container;
import dev.mrcheck.selftest.DeviceProgram.DelSubregion;
import dev.mrcheck.selftest.DeviceProgram.Find;
import dev.mrcheck.selftest.DeviceProgram.Free;
import dev.mrcheck.selftest.DeviceProgram.FreeAddressSpace;
import dev.mrcheck.selftest.DeviceProgram.UnrefFound;
import dev.mrcheck.selftest.DeviceProgram.IfError;
import dev.mrcheck.selftest.DeviceProgram.Init;
import dev.mrcheck.selftest.DeviceProgram.Ref;
import dev.mrcheck.selftest.DeviceProgram.Stmt;
import dev.mrcheck.selftest.DeviceProgram.Unparent;
import dev.mrcheck.selftest.DeviceProgram.Unref;
import dev.mrcheck.selftest.ModelState.Call;
import dev.mrcheck.selftest.ModelState.Scenario;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * The reference: executes a program's lifecycle in the {@link RuntimeModel}, in every scenario and
 * on every path through its error branches (each {@code if} taken or not, independently, as the
 * analysis assumes), and collects the violations the {@link RuleOracles} see.
 */
public final class ModelOracle {
  /** Paths per scenario beyond which the rest is not explored (programs are generated far below it). */
  static final int MAX_PATHS = 256;

  private final List<RuleOracle> oracles;

  public ModelOracle(List<RuleOracle> oracles) {
    this.oracles = List.copyOf(oracles);
  }

  /**
   * What the model found under one semantics: the union over scenarios and paths, and for each
   * violation the trace of the first execution that showed it.
   */
  public record Result(Set<Violation> violations, Map<Violation, Witness> witnesses, int paths,
      Map<Role, Set<Integer>> executedLines, boolean malformed, List<Witness> firstPaths) {
    /** Whether the model ran {@code line} at all, or in {@code phase} when it is not null. */
    public boolean executed(int line, Role phase) {
      if (phase != null) return executedLines.getOrDefault(phase, Set.of()).contains(line);
      return executedLines.values().stream().anyMatch(lines -> lines.contains(line));
    }
  }

  /** The execution that showed a violation: scenario, the error branches taken, and the model's trace. */
  public record Witness(Scenario scenario, List<Boolean> branches, List<TraceEntry> trace) {
    public String describe() {
      StringBuilder b = new StringBuilder(scenario.name().toLowerCase(Locale.ROOT));
      if (!branches.isEmpty()) b.append(", error branches taken: ").append(branches);
      b.append('\n');
      for (TraceEntry e : trace) {
        b.append("    ").append(e.loc() == null ? "" : "line " + e.loc().line() + ": ").append(e.message()).append('\n');
      }
      return b.toString();
    }
  }

  public Result run(DeviceProgram program, RenderedSource source, Semantics semantics) {
    Set<Violation> all = new TreeSet<>();
    Map<Violation, Witness> witnesses = new LinkedHashMap<>();
    int paths = 0;
    List<Scenario> scenarios = new ArrayList<>(program.hotPluggable()
        ? List.of(Scenario.INTROSPECTION, Scenario.LIFETIME, Scenario.TEARDOWN)
        : List.of(Scenario.INTROSPECTION, Scenario.LIFETIME, Scenario.UNREALIZE_ANYWAY, Scenario.TEARDOWN));
    if (!program.runtime().isEmpty()) scenarios.add(Scenario.RUNTIME);
    // Keyed by phase; run-time code has none (null).
    Map<Role, Set<Integer>> executed = new HashMap<>();
    boolean malformed = false;
    // What a reader of an extra finding needs: the model's view of each scenario, violation or not.
    List<Witness> firstPaths = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      Deque<List<Boolean>> todo = new ArrayDeque<>();
      todo.push(List.of());
      int explored = 0;
      while (!todo.isEmpty() && explored < MAX_PATHS) {
        Execution e = new Execution(program, source, semantics, scenario, todo.pop(), todo);
        e.run();
        if (explored == 0) firstPaths.add(new Witness(scenario, e.decisions, e.model.trace()));
        explored++;
        for (Call c : e.calls) executed.computeIfAbsent(c.phase(), k -> new TreeSet<>()).add(c.line());
        // instance_finalize after introspection or a failed realize meets regions realize never made: normal.
        malformed |= e.malformed && (scenario == Scenario.LIFETIME || scenario == Scenario.UNREALIZE_ANYWAY
            || scenario == Scenario.RUNTIME) || e.undefined;
        for (Violation v : e.found) {
          if (all.add(v)) witnesses.put(v, new Witness(scenario, e.decisions, e.model.trace()));
        }
      }
      paths += explored;
    }
    return new Result(all, witnesses, paths, executed, malformed, firstPaths);
  }

  /** One scenario on one path. */
  private final class Execution implements ModelState {
    final DeviceProgram program;
    final RenderedSource source;
    final Semantics semantics;
    final Scenario scenario;
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
    /** The first call at each location; see {@link #call} for why the column is the phase. */
    final Map<SourceLoc, Call> byLoc = new HashMap<>();
    final Set<Violation> found = new TreeSet<>();
    final Set<Call> crashed = Collections.newSetFromMap(new IdentityHashMap<>());
    boolean tornDown;
    /** The memory_region_find calls of the function running now. */
    List<Call> frame;
    final Map<Integer, Holder.External> sections = new HashMap<>();
    Region peerRegion;
    /** memory_region_find calls whose reference was still held when their function returned. */
    final Set<Call> lostAtReturn = Collections.newSetFromMap(new IdentityHashMap<>());
    /**
     * Regions the program itself finalized, or unparented, before the device's teardown began. Under
     * refcount an unparented region that is still mapped or referenced lives on, but it is no longer
     * one of the device's child properties: QOM's finalize does not drop it, so it is not the
     * device's region in instance_finalize (domain.md §3), as under legacy and current, where the
     * same unparent finalizes it.
     */
    final Set<Region> finalizedBeforeDevice = Collections.newSetFromMap(new IdentityHashMap<>());
    boolean teardownBegun;
    /** Regions whose storage the program freed while they were alive. */
    final Set<Region> freedAlive = Collections.newSetFromMap(new IdentityHashMap<>());
    /** False once the device is finalized despite a leak: from then on only single calls are judged. */
    boolean judgingLeaks = true;
    /** False while a leaked device's instance_finalize runs only for its effects: its calls are not judged. */
    boolean judgingCalls = true;
    /** The calls of an instance_finalize the scenario forced on a device a leak kept alive, judged or not. */
    final List<Call> forced = new ArrayList<>();
    /** The destroys still waiting for RCU when the device's last reference was dropped, in queue order. */
    final List<PendingDestroy> pendingAtUnplug = new ArrayList<>();
    /** A call on a region never initialized, or a live region initialized again: not a pattern to judge. */
    boolean malformed;
    /**
     * Undefined C in whichever scenario runs it (unlike {@link #malformed}, whose calls are normal in an
     * instance_finalize that meets regions not made yet): a call on a region or address space no statement
     * initializes, on an address space freed already, an add of a region the program finalized (or into
     * one), an unref that took another holder's reference, a second address_space_destroy. Each is set
     * where it is found, with the reason.
     */
    boolean undefined;
    /** The address spaces the program handed to g_free or g_free_rcu. */
    final Set<AddressSpace> freedSpaces = Collections.newSetFromMap(new IdentityHashMap<>());
    boolean realizeFailed;
    /** The regions and address spaces some statement of the program initializes (made on first need). */
    Set<Integer> madeRegions;
    Set<Integer> madeSpaces;
    Role phase;

    Execution(DeviceProgram program, RenderedSource source, Semantics semantics, Scenario scenario,
        List<Boolean> prefix, Deque<List<Boolean>> todo) {
      this.program = program;
      this.source = source;
      this.semantics = semantics;
      this.scenario = scenario;
      this.decisions = new ArrayList<>(prefix);
      this.prefix = prefix.size();
      this.todo = todo;
      model = new RuntimeModel(semantics);
      systemMemory = model.initRegion("system_memory", null, RegionKind.CONTAINER, null, null);
      peer = model.newObject("peer");
      model.addChild(model.machine(), peer, null);
      model.objectUnref(peer, null);
      device = model.newObject("selftest-dev");
      model.setInstanceFinalize(device, () -> hook(Role.INSTANCE_FINALIZE));
    }

    void run() {
      hook(Role.INSTANCE_INIT);
      if (scenario == Scenario.INTROSPECTION) {
        model.note(null, "== throw-away instance: last reference dropped ==");
        tornDown = true;
        finish();
        return;
      }
      model.addChild(model.machine(), device, null);
      if (!hook(Role.REALIZE)) {
        // A realize that fails is never followed by unrealize: qdev drops the device, which is finalized.
        model.note(null, "== realize failed: unparented, last reference dropped ==");
        realizeFailed = true;
        // device_add of a hot-pluggable device fails and the machine goes on; a board device whose
        // realize fails stops the machine, so what it leaves behind is not a leak that matters.
        tornDown = scenario == Scenario.LIFETIME && program.hotPluggable();
        model.objectUnparent(device, null);
        finish();
        return;
      }
      // The device lives now: RCU grace periods pass before its callbacks run, it is unplugged, or (TEARDOWN)
      // the machine is torn down. A failure after the realize hook returned would run unrealize first
      // (qdev's post_realize_fail, pci_qdev_unrealize): only the error branch above drops the device at once.
      model.note(null, "== the device lives: RCU callbacks of realize run ==");
      model.rcuDrain();
      if (scenario == Scenario.RUNTIME) {
        model.note(null, "== run time: MMIO write handler ==");
        function(program.runtime());
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
        // What qdev finalizes after unrealize (refcount) is the device's teardown, not the program's doing.
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

    private void finish() {
      noteFinalizedByProgram();
      model.objectUnref(device, null);
      for (Call c : calls) {
        if (c.stmt() instanceof AddressSpaceDestroy && c.space().state() == AddressSpace.State.DESTROY_PENDING) {
          pendingAtUnplug.add(new PendingDestroy(c.space(), rootHoldsDevice(c.space())));
        }
      }
      model.rcuDrain();
      model.checkLeaks();
      endOfScenario();
      if (device.isFinalized()) return;
      // The analysis reads instance_finalize from the states after instance_init, after realize and (for
      // a hot-pluggable device) after unrealize whether or not a leak keeps the device alive: its calls
      // are judged as if the leak were fixed (the leak is a finding of its own, judged above). Nothing
      // it leaves behind is judged any more. After a whole lifetime it runs silently (the other
      // scenarios judge its calls), only so that what it releases counts as released: a reference on
      // another object's region dropped there is no leak of its own.
      judgingLeaks = false;
      judgingCalls = scenario != Scenario.LIFETIME;
      int before = calls.size();
      model.finalizeDespiteReferences(device, null);
      judgingCalls = true;
      forced.addAll(calls.subList(before, calls.size()));
      for (RuleOracle o : oracles) o.afterForcedFinalize(this, line -> found.add(new Violation(o.ruleId(), line)));
    }

    private boolean deadByProgram(Region r) {
      return r.isFinalized()
          && !(phase == Role.INSTANCE_FINALIZE && own(r) && !finalizedBeforeDevice.contains(r));
    }

    /** Once per scenario, when the device's teardown begins: the regions the program finalized by then. */
    private void noteFinalizedByProgram() {
      if (teardownBegun) return;
      teardownBegun = true;
      for (Region r : regions.values()) if (r.isFinalized()) finalizedBeforeDevice.add(r);
    }

    private void endOfScenario() {
      for (RuleOracle o : oracles) o.atEnd(this, line -> found.add(new Violation(o.ruleId(), line)));
    }

    /** Runs a lifecycle hook; false when it returned through an error branch. */
    boolean hook(Role role) {
      if (role == Role.INSTANCE_FINALIZE && tornDown && judgingLeaks) {
        for (RuleOracle o : oracles) o.beforeFinalize(this, line -> found.add(new Violation(o.ruleId(), line)));
      }
      Role saved = phase;
      phase = role;
      model.note(null, "== " + role.modelName() + " ==");
      boolean completed = function(program.hook(role));
      phase = saved;
      return completed;
    }

    /**
     * Runs a function's body; when it returns, a memory_region_find reference still held in one of its
     * local sections can never be given back.
     */
    boolean function(List<Stmt> body) {
      List<Call> saved = frame;
      frame = new ArrayList<>();
      boolean completed = body(body);
      for (Call find : frame) {
        int before = model.outcomes().size();
        model.loseReference(find.subject(), section(((Find) find.stmt()).section()),
            SourceLoc.of(source.fileName(), find.line(), 1), "the function returns and the section was its only pointer");
        if (model.outcomes().size() > before) lostAtReturn.add(find);
      }
      frame = saved;
      return completed;
    }

    /** The holder of a local section's reference: the function's local variable secN. */
    private Holder.External section(int n) {
      return sections.computeIfAbsent(n, k -> new Holder.External("local section sec" + k));
    }

    /** The peer's region that memory_region_find hits in system memory (made on first use). */
    private Region peerRegion() {
      if (peerRegion == null) {
        peerRegion = model.initRegion("peer.mmio", peer, RegionKind.IO, null, null);
        model.addSubregion(systemMemory, peerRegion, null);
      }
      return peerRegion;
    }

    /** Runs a body; false when it returned early (an error branch was taken). */
    boolean body(List<Stmt> body) {
      for (Stmt s : body) {
        if (s instanceof IfError e) {
          if (decide()) {
            body(e.then());
            return false;
          }
        } else if (s instanceof CallHelper h) {
          if (h.helper() < program.helpers().size()) function(program.helpers().get(h.helper()));
        } else {
          call(s);
        }
      }
      return true;
    }

    /** The next branch decision: replayed from the prefix, then "not taken", queueing the taken alternative. */
    private boolean decide() {
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

    private void call(Stmt s) {
      int line = source.lineOf(s);
      // The column tells the phases apart: a helper called from realize and again from unrealize takes
      // references at the same line, and only the one realize took outlives teardown as a finding.
      SourceLoc loc = SourceLoc.of(source.fileName(), line, phase == null ? Role.values().length + 1 : phase.ordinal() + 1);
      Region subject = null;
      Region container = null;
      AddressSpace space = null;
      if (s instanceof Init i) {
        if (i.aliasOf() >= 0) container = regions.get(i.aliasOf());
      } else if (s instanceof AddSubregion a) {
        subject = regions.get(a.region());
        container = container(a.container());
      } else if (s instanceof DelSubregion d) {
        subject = regions.get(d.region());
        container = container(d.container());
      } else if (s instanceof Ref r) {
        subject = regions.get(r.region());
      } else if (s instanceof Unref u) {
        subject = regions.get(u.region());
      } else if (s instanceof Unparent u) {
        subject = regions.get(u.region());
      } else if (s instanceof Free f) {
        subject = regions.get(f.region());
      } else if (s instanceof AddressSpaceInit a) {
        subject = a.overSystemMemory() ? systemMemory : regions.get(a.root());
      } else if (s instanceof AddressSpaceDestroy d) {
        space = spaces.get(d.space());
      } else if (s instanceof FreeAddressSpace f) {
        space = spaces.get(f.space());
      } else if (s instanceof Find || s instanceof UnrefFound) {
        subject = peerRegion();
      }
      boolean usable = s instanceof Init i ? i.aliasOf() < 0 || container != null
          : s instanceof AddressSpaceDestroy || s instanceof FreeAddressSpace ? space != null
          : subject != null && (!(s instanceof AddSubregion || s instanceof DelSubregion) || container != null);
      if (!usable) {
        // instance_finalize after a failed realize meets regions realize never made, as it does after
        // introspection: normal, and the call is skipped. Anywhere else C leaves the call undefined.
        malformed |= !(phase == Role.INSTANCE_FINALIZE && realizeFailed);
        // A region no statement of the program ever initializes is zeroed memory in every scenario: the
        // call is undefined C even where a region simply not made yet would be normal.
        undefined |= actsOnNeverMade(s);
        model.note(loc, "skipped (a region or address space not initialized on this path): "
            + source.text().lines().skip(line - 1).findFirst().orElse("").strip());
        return;
      }
      // An unref with no reference of its own to give back takes one from whoever holds the region (a
      // container's mapping, a section): the count is only a number in QEMU. The rules judge references
      // against their holders (domain.md §4 has no rule for an unref underflow), so what such a program
      // then leaks or frees has no verdict either side shares (in a forced instance_finalize as anywhere).
      if (s instanceof Unref && model.unrefTakesForeignReference(subject, device)
          || s instanceof UnrefFound u && model.unrefTakesForeignReference(subject, section(u.section()))) {
        undefined = true;
      }
      if (!judgingCalls) {
        Call call = new Call(s, phase, line, subject, container, space, List.of());
        for (RuleOracle o : oracles) {
          if (o.judgesLeakedFinalize()) o.before(this, call, l -> found.add(new Violation(o.ruleId(), l)));
        }
        Call after = applied(s, loc, line, subject, container, space);
        for (RuleOracle o : oracles) {
          if (o.judgesLeakedFinalize()) o.after(this, after, l -> found.add(new Violation(o.ruleId(), l)));
        }
        forced.add(new Call(s, phase, line, subject, container, after.space(), List.of()));
        return;
      }
      if (s instanceof Init i && regions.get(i.region()) != null && !regions.get(i.region()).isFinalized()) {
        malformed = true;
      }
      // g_free of a live region released its storage behind QOM's back: whatever uses it afterwards reads
      // freed memory (undefined C), which neither the model nor the analysis can give a meaning to.
      if (freedAlive.contains(subject) || container != null && freedAlive.contains(container)) {
        malformed = true;
      }
      // A region added to a container the program itself finalized earlier, or a region the program
      // finalized added anywhere: QEMU links the dead object all the same (add_subregion checks no
      // liveness), and whether it is then "mapped", or what a second unparent of it does, has no answer
      // either side shares. (The device's own regions in instance_finalize, finalized by QOM, are
      // understood by both: MR004.) Undefined in a throw-away instance's or a teardown's instance_finalize
      // as well: unlike a region not made yet, a dead one is no more normal there.
      if (s instanceof AddSubregion && (deadByProgram(container) || deadByProgram(subject))) {
        undefined = true;
      }
      // address_space_init over a live AddressSpace (a helper run twice) relinks it into QEMU's list of
      // address spaces: the first one is lost in corrupted storage, not a pattern either side can judge.
      if (s instanceof AddressSpaceInit a && spaces.get(a.space()) != null
          && spaces.get(a.space()).state() == AddressSpace.State.LIVE && !spaces.get(a.space()).isFreed()) {
        malformed = true;
      }
      // address_space_init on embedded storage whose destroy is still waiting for RCU: the pending
      // callback (do_address_space_destroy, memory.c) later runs on the new address space, unrefs its root
      // and frees its name and flat view while it stays registered. (A heap one gets fresh storage.)
      if (s instanceof AddressSpaceInit a && !DeviceProgram.heapSpace(a.space()) && spaces.get(a.space()) != null
          && spaces.get(a.space()).state() == AddressSpace.State.DESTROY_PENDING) {
        malformed = true;
      }
      // address_space_destroy of an address space already destroyed (a teardown helper run twice) removes
      // it from QEMU's list a second time and queues a second RCU callback on one rcu_head: undefined, not
      // a pattern either side can judge. Unlike a call on a space realize never made, it is undefined in
      // instance_finalize after introspection too, but for a TEARDOWN that skipped the unrealize of a
      // hot-pluggable device which initializes the address space again (its LIFETIME judges that).
      if (s instanceof AddressSpaceDestroy && space != null && space.state() != AddressSpace.State.LIVE) {
        malformed = true;
        undefined |= !(scenario == Scenario.TEARDOWN && program.hotPluggable());
      }
      if ((s instanceof AddressSpaceDestroy || s instanceof FreeAddressSpace) && space != null
          && (space.isFreed() || freedSpaces.contains(space))) {
        // A call on an address space whose storage was freed, or queued for freeing, already.
        undefined = true;
      }
      if (s instanceof FreeAddressSpace && space != null) freedSpaces.add(space);
      Call before = new Call(s, phase, line, subject, container, space, List.of());
      for (RuleOracle o : oracles) o.before(this, before, l -> found.add(new Violation(o.ruleId(), l)));
      Call after = applied(s, loc, line, subject, container, space);
      noteCrashes(after.outcomes());
      calls.add(after);
      byLoc.putIfAbsent(loc, after);
      if (s instanceof Find && frame != null) frame.add(after);
      for (RuleOracle o : oracles) o.after(this, after, l -> found.add(new Violation(o.ruleId(), l)));
    }

    /** Runs {@code s} in the model: the call as it ends, with the model's outcomes of it (an init's new region). */
    private Call applied(Stmt s, SourceLoc loc, int line, Region subject, Region container, AddressSpace space) {
      int outcomesBefore = model.outcomes().size();
      AddressSpace spaceAfter = apply(s, loc, subject, container, space);
      Region subjectAfter = s instanceof Init i ? regions.get(i.region()) : subject;
      return new Call(s, phase, line, subjectAfter, container, spaceAfter,
          List.copyOf(model.outcomes().subList(outcomesBefore, model.outcomes().size())));
    }

    /** Whether {@code s} needs a region or address space the program never initializes (g_free(NULL) does not). */
    private boolean actsOnNeverMade(Stmt s) {
      if (madeRegions == null) {
        madeRegions = new HashSet<>();
        madeSpaces = new HashSet<>();
        for (Stmt any : program.statements()) {
          if (any instanceof Init i) madeRegions.add(i.region());
          if (any instanceof AddressSpaceInit a) madeSpaces.add(a.space());
        }
      }
      IntPredicate never = r -> !madeRegions.contains(r);
      Predicate<Container> neverContainer = c -> !c.isSystemMemory() && never.test(c.region());
      if (s instanceof Init i) return i.aliasOf() >= 0 && never.test(i.aliasOf());
      if (s instanceof AddSubregion a) return never.test(a.region()) || neverContainer.test(a.container());
      if (s instanceof DelSubregion d) return never.test(d.region()) || neverContainer.test(d.container());
      if (s instanceof Ref r) return never.test(r.region());
      if (s instanceof Unref u) return never.test(u.region());
      if (s instanceof Unparent u) return never.test(u.region());
      if (s instanceof AddressSpaceInit a) return !a.overSystemMemory() && never.test(a.root());
      if (s instanceof AddressSpaceDestroy d) return !madeSpaces.contains(d.space());
      return false;
    }

    /** Mappings the model undid only because a region was finalized while still mapped. */
    private void noteCrashes(List<Outcome> outcomes) {
      for (Outcome o : outcomes) {
        if (!(o instanceof Outcome.FinalizedWhileMapped f)) continue;
        for (Call c : calls) {
          if (c.stmt() instanceof AddSubregion && c.subject().name().equals(f.region())
              && c.container().name().equals(f.mappedIn()) && c.subject().isFinalized()) {
            crashed.add(c);
          }
        }
      }
    }

    private AddressSpace apply(Stmt s, SourceLoc loc, Region subject, Region container, AddressSpace space) {
      // Run-time code (no lifecycle phase) creating or destroying a live region: MR010's question.
      boolean destroys = (s instanceof Unparent || s instanceof Free) && subject.parent() != null && !subject.isFinalized();
      if (s instanceof Init i) {
        String path = CRenderer.region(program, i.region()).replace("&", "");
        if (i.owner() == DeviceProgram.Owner.REGION) {
          regions.put(i.region(), model.initMisownedRegion(path, i.kind(), Region.Misowning.THE_REGION,
              CRenderer.region(program, i.region()), device, loc));
        } else {
          QObject owner = switch (i.owner()) {
            case SELF -> device;
            case OTHER -> peer;
            default -> null;
          };
          regions.put(i.region(), model.initRegion(path, owner, i.kind(), container, loc));
        }
        if (phase == null) model.runtimeRegionChange(regions.get(i.region()), device, "created", loc);
      } else if (s instanceof AddSubregion) {
        model.addSubregion(container, subject, loc);
      } else if (s instanceof DelSubregion) {
        model.delSubregion(container, subject, loc);
      } else if (s instanceof Ref) {
        model.ref(subject, device, loc);
      } else if (s instanceof Unref) {
        model.unref(subject, device, loc);
      } else if (s instanceof Unparent) {
        if (phase != Role.INSTANCE_FINALIZE && subject.parent() != null && !teardownBegun) finalizedBeforeDevice.add(subject);
        model.unparentRegion(subject, loc);
        if (phase == null && destroys) model.runtimeRegionChange(subject, device, "destroyed (object_unparent)", loc);
      } else if (s instanceof Free) {
        if (!subject.isFinalized()) freedAlive.add(subject);
        model.freeRegion(subject, loc);
        if (phase == null && destroys) model.runtimeRegionChange(subject, device, "freed", loc);
      } else if (s instanceof FreeAddressSpace f) {
        if (f.rcu()) model.gFreeRcu(space, loc);
        else model.gFree(space, loc);
      } else if (s instanceof Find f) {
        model.ref(subject, section(f.section()), loc);
      } else if (s instanceof UnrefFound u) {
        model.unref(subject, section(u.section()), loc);
      } else if (s instanceof AddressSpaceInit a) {
        // Kept by the device: once it is finalized nobody can destroy the address space any more.
        AddressSpace as = model.addressSpaceInit("s->as" + a.space(), subject, device, loc);
        spaces.put(a.space(), as);
        return as;
      } else if (s instanceof AddressSpaceDestroy) {
        model.addressSpaceDestroy(space, loc);
      }
      return space;
    }

    private Region container(Container c) {
      return c.isSystemMemory() ? systemMemory : regions.get(c.region());
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
      // A dropped reference leaves its node's list; one still listed on a finalized node was never given
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
     * Whether the reference {@code as} holds on its root keeps the device alive (domain.md §2): under
     * legacy and current it is a reference on the root's owner; under refcount on the root, which (or
     * whose alias target) holds the device once it is no longer one of the device's children (unparented
     * by the program, or by qdev after unrealize) and is still alive.
     */
    private boolean rootHoldsDevice(AddressSpace as) {
      if (semantics != Semantics.REFCOUNT) return as.root().owner() == device;
      Set<Region> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Region r = as.root(); r != null && seen.add(r); r = r.aliasTarget()) {
        // An owner-less region is not reference counted: the address space (or an alias) holds neither it
        // nor, through it, what it aliases (the model's address_space_init takes no reference on it).
        if (r.owner() == null && !r.ownsItself()) return false;
        if (own(r) && r.parent() == null && !r.isFinalized()) return true;
      }
      return false;
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
        if (later.stmt() instanceof DelSubregion && later.subject() == add.subject() && later.container() == add.container()) {
          return false;
        }
      }
      // Still there, or only the model's recovery from the abort unmapped it, in a container the program
      // did not destroy itself later: finalizing a container deletes its subregions, so had QEMU not
      // aborted, that would have undone the mapping.
      return add.subject().container() == add.container()
          || crashed.contains(add) && !finalizedBeforeDevice.contains(add.container());
    }

    @Override
    public boolean finalizedBeforeDevice(Region r) {
      return finalizedBeforeDevice.contains(r);
    }

    @Override
    public boolean holdsDevice(Call c) {
      if (c.stmt() instanceof AddressSpaceInit) {
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

    /** The call that took {@code ref} (by its line and phase), or null for the model's own references. */
    Call callOf(Reference ref) {
      return ref.loc() == null ? null : byLoc.get(ref.loc());
    }
  }
}
