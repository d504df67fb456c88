package dev.mrcheck.analysis;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.CfgNode;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.Value;
import dev.mrcheck.model.ApiModel;
import dev.mrcheck.model.Effect;
import dev.mrcheck.model.FunctionModel;
import dev.mrcheck.model.Operand;
import dev.mrcheck.model.Role;
import dev.mrcheck.rules.TraceStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Interprocedural may-analysis of region facts over a function's CFG. Calls into functions that
 * reach the API are analyzed in place with their parameters bound to the caller's places (a
 * context-sensitive "inlining"), so a helper's effects land on the caller's regions and keep the
 * calling context (lifecycle role, call chain).
 */
final class RegionFlow {
  private static final int MAX_DEPTH = 10;
  private static final int MAX_VISITS_PER_NODE = 16;
  /** Node transfers one replay root may spend before calls stop being followed. */
  private static final int BUDGET_PER_ROOT = 100_000;
  private static final Set<String> PARENT_FIELDS = Set.of(
      "parent_obj", "parent", "parent_object", "qdev", "pdev", "dev", "busdev", "parent_dev",
      "pci_dev", "parent_class", "sbd", "parent_pci", "pcidev", "d");

  private final Program program;
  private final CallGraph callGraph;
  private final ApiModel model;
  /** What a reference references decides which unparent finalizes a region (domain.md §2). */
  private final Semantics semantics;
  private final Consumer<Observation> sink;
  private final OwnerShapes ownerShapes;
  private final QomClasses qom;
  private final KeptArguments kept;
  private Consumer<FreeHookOverride> freeHookSink = h -> { };
  /** Callee results by (callee, arguments, entry state, role): a helper met again in the same state is not re-analyzed. */
  private final Map<List<Object>, Exit> memo = new HashMap<>();
  private final FieldGuards guards = new FieldGuards();
  private int spent;
  /** The device's regions an instance_finalize replay starts without: see {@link #notMadeYet}. */
  private Set<String> notMadeYet = Set.of();
  /** The functions walked since {@link #recordVisits}: a replay depends on their bodies only. */
  private Set<String> visited;
  private int exhaustedRoots;

  RegionFlow(Program program, CallGraph callGraph, ApiModel model, Semantics semantics, Consumer<Observation> sink) {
    this.program = program;
    this.callGraph = callGraph;
    this.model = model;
    this.semantics = semantics;
    this.sink = sink;
    this.qom = new QomClasses(program, model);
    this.ownerShapes = new OwnerShapes(program, qom);
    this.kept = new KeptArguments(program, model);
  }

  /** Where {@code OBJECT(mr)->free = fn} assignments met during replays go. */
  void onFreeHook(Consumer<FreeHookOverride> freeHooks) {
    this.freeHookSink = freeHooks;
  }

  /** Where a replay is: its lifecycle role, its device, the calls that led here. */
  record Context(Role phase, DeviceType device, List<TraceStep> chain, List<String> stack) {
    Context enter(Function callee, SourceLoc site, String callerName) {
      List<TraceStep> c = new ArrayList<>(chain);
      c.add(new TraceStep(site, callerName + "() calls " + callee.name() + "() here"));
      List<String> s = new ArrayList<>(stack);
      s.add(callee.key());
      return new Context(phase, device, c, s);
    }
  }

  /** Starts a new replay root: fresh memo and budget. */
  void startRoot() {
    finishRoot();
    memo.clear();
  }

  /** Closes the current replay root's budget, so that what follows can be counted apart. */
  void finishRoot() {
    if (spent > BUDGET_PER_ROOT) exhaustedRoots++;
    spent = 0;
  }

  /**
   * The regions the device's instance_init, realize or unrealize initialize that an instance_finalize
   * replay starts without (a throw-away instance's, or one after realize for what unrealize makes): the
   * struct is zeroed there, and QEMU's calls on such a region crash or assert (a zeroed container's
   * subregion list has no tail) rather than do anything, so nothing they would do is modelled, as the
   * runtime model skips them, until instance_finalize initializes the region itself. Empty: every call
   * is taken as written.
   */
  void notMadeYet(Set<String> regions) {
    this.notMadeYet = regions;
  }

  /** Records every function whose body a replay walks into {@code sink} (null: stop recording). */
  void recordVisits(Set<String> sink) {
    visited = sink;
  }

  /** Roots whose budget ran out: their deeper calls were not followed. Reported in the scan summary. */
  int exhaustedRoots() {
    return exhaustedRoots + (spent > BUDGET_PER_ROOT ? 1 : 0);
  }

  /**
   * The outcome of analyzing one function: its exit state (null if it never returns), what it
   * returns, and the part of the exit state reached by returns that did not report an error through
   * the root's {@code Error **}: the exit state itself if no return did, null if every return did;
   * and the part reached by those that did (null if none did).
   */
  record Exit(RegionState state, Place returned, RegionState succeeded, RegionState failed) {
    /** The exit state of the returns that did not report an error, or every return's if all did. */
    RegionState onSuccess() {
      return succeeded != null ? succeeded : state;
    }
  }

  Exit run(Function f, List<Place> args, RegionState entry, Context ctx) {
    if (visited != null) visited.add(f.key());
    Frame frame = new Frame(f, ctx);
    RegionState start = entry.copy();
    Map<String, Place> params = new HashMap<>();
    for (int i = 0; i < f.params().size(); i++) {
      Place p = i < args.size() ? args.get(i) : null;
      if (p != null && !p.isUnknown()) params.put(f.params().get(i).name(), p);
    }
    start.swapLocals(params);
    Map<CfgNode, RegionState> in = new HashMap<>();
    Map<CfgNode, Integer> visits = new HashMap<>();
    RegionState succeeded = null;
    RegionState failed = null;
    PriorityQueue<CfgNode> work = new PriorityQueue<>((a, b) -> Integer.compare(a.id(), b.id()));
    in.put(f.cfg().entry(), start);
    work.add(f.cfg().entry());
    while (!work.isEmpty()) {
      CfgNode n = work.poll();
      if (visits.merge(n, 1, Integer::sum) > MAX_VISITS_PER_NODE) continue;
      spent++;
      RegionState s = in.get(n).copy();
      frame.node = n.id();
      if (n.stmt() != null) frame.transfer(n.stmt(), s);
      for (CfgNode succ : n.successors()) {
        if (succ == f.cfg().exit() && !s.facts(Fact.ErrorReported.class, Place.ERROR.id()).isEmpty()) {
          if (failed == null) failed = s.copy();
          else failed.join(s);
        } else if (succ == f.cfg().exit()) {
          if (succeeded == null) succeeded = s.copy();
          else succeeded.join(s);
        }
        RegionState old = in.get(succ);
        if (old == null) {
          in.put(succ, s.copy());
          work.add(succ);
        } else if (old.join(s)) {
          work.add(succ);
        }
      }
    }
    RegionState exit = in.get(f.cfg().exit());
    // Without an error path the exit state is the success state itself (joins are not idempotent
    // for released array summaries, so it is not rebuilt).
    return new Exit(exit, frame.returned == null ? Place.UNKNOWN : frame.returned, failed != null ? succeeded : exit, failed);
  }

  /** Per-invocation state: the function, its context, what nested calls returned. */
  private final class Frame {
    final Function f;
    final Context ctx;
    final Map<String, Place> lastResult = new HashMap<>();
    Place returned;
    /** The node being transferred: a finally block lowered twice has the same location on two nodes. */
    int node;
    /** The region of the last call if it was a memory_region_init*: its failure unparents the region. */
    Place justInitialized;

    Frame(Function f, Context ctx) {
      this.f = f;
      this.ctx = ctx;
    }

    void transfer(Stmt stmt, RegionState s) {
      if (stmt instanceof Stmt.Call c) call(c, s);
      else if (stmt instanceof Stmt.Assign a) {
        freeHook(a, s);
        assign(a.target(), place(a.value(), s), s);
      }
      else if (stmt instanceof Stmt.Assume a) assume(a, s);
      else if (stmt instanceof Stmt.Return r && r.value() != null) {
        Place p = place(r.value(), s);
        // return NULL on a failure path and the buffer on success: the caller's result is the buffer,
        // and its if (!buf) tells the paths apart, as a local's NULL-or-place does.
        if (returned == null || returned.isNull()) returned = p;
        else if (!p.isNull() && !returned.equals(p)) returned = Place.UNKNOWN;
        // A replay root hands what it returns to code the analysis does not see (a translate hook's caller).
        if (ctx.stack().size() == 1) References.stored(s, p, false);
      }
    }

    private void call(Stmt.Call c, RegionState s) {
      justInitialized = null;
      List<Place> args = new ArrayList<>(c.args().size());
      for (Value v : c.args()) args.add(place(v, s));
      if (QemuLists.isInsert(c.callee()) && args.size() >= 3) {
        insertIntoList(args.get(0), args.get(args.size() - 2), c, s);
        return;
      }
      Optional<FunctionModel> modelled = model.function(c.callee());
      Place result;
      if (modelled.isPresent()) {
        result = storedFactoryResult(c, modelled.get(), s);
        if (result == null) {
          result = fresh(c);
          forgetEarlierObject(result, s);
        }
        for (Effect e : modelled.get().effects()) {
          if (e instanceof Effect.Returns r) result = operand(r.target(), args, result);
        }
        for (Effect e : modelled.get().effects()) apply(e, c, args, result, s);
      } else {
        result = followCall(c, args, s);
      }
      lastResult.put(c.callee(), result);
      if (c.result() != null) assign(c.result(), result, s);
    }

    /**
     * {@code this.mmio = MemoryRegion.io(...)}: a region (or address space) a factory makes and the
     * code stores in a field is known by that field, as C's in-place {@code memory_region_init_io(&s->mmio, ...)}
     * is. A fresh place aliased by the field would name a region re-created into the same field
     * differently on each path, and a join of those paths (finalize after realize or after
     * unrealize) would keep only one of them. Null when the call is no such factory.
     */
    private Place storedFactoryResult(Stmt.Call c, FunctionModel m, RegionState s) {
      if (c.result() == null || c.result().steps().isEmpty()) return null;
      boolean factory = m.effects().stream().anyMatch(e ->
          e instanceof Effect.Init i && isResult(i.region()) || e instanceof Effect.AddressSpaceInit a && isResult(a.addressSpace()));
      if (!factory) return null;
      String id = unaliasedId(c.result(), s);
      if (id == null) return null;
      s.setAlias(id, null);
      return new Place(id, c.result().toString());
    }

    private static boolean isResult(Operand o) {
      return o instanceof Operand.Result r && r.field() == null;
    }

    /**
     * QLIST_INSERT_HEAD(&bar->quirks, quirk, next): from now on the quirk is known as an element of
     * that list, which (like an array) is one summarized element, so QLIST_FOREACH in exit finds it.
     */
    private void insertIntoList(Place head, Place element, Stmt.Call c, RegionState s) {
      if (head.isUnknown() || element.isUnknown() || element.isNull()) return;
      String summary = head.id() + "." + QemuLists.ELEMENT;
      if (element.id().equals(summary)) return;
      s.renamePrefix(element.id(), summary);
      // Heap parts the element points to (quirk->mem = g_new0(...)) join the summary too, so that
      // every element's parts are one place, not just the last inserted element's.
      for (String key : s.aliasKeysUnder(summary)) {
        String target = s.alias(key);
        if (target != null && target.startsWith("new@")) {
          s.setAlias(key, null);
          s.renamePrefix(target, key);
        }
      }
      for (Value v : c.args()) {
        if (v instanceof Value.Path p && p.path().steps().isEmpty() && s.local(p.path().root()) != null
            && s.local(p.path().root()).id().equals(element.id())) {
          s.bindLocal(p.path().root(), new Place(summary, p.path().root()));
        }
      }
    }

    /**
     * An allocation site names a new object each time it runs (recency abstraction): facts about
     * the object it made on an earlier loop iteration or call are not about this one.
     */
    private void forgetEarlierObject(Place fresh, RegionState s) {
      s.removeIf(f -> Place.isWithin(f.region(), fresh.id())
          || f instanceof Fact.AddressSpaceLive a && Place.isWithin(a.addressSpace(), fresh.id()));
    }

    private Place followCall(Stmt.Call c, List<Place> args, RegionState s) {
      Function callee = program.resolve(c.callee(), f.file());
      if (callee == null || !callGraph.worthFollowing(callee.key())
          || ctx.stack().contains(callee.key()) || ctx.stack().size() >= MAX_DEPTH || spent > BUDGET_PER_ROOT) {
        // Device code the replay does not enter may keep what it is given (a listener's section list),
        // unless its body shows it does not (memory_region_is_ram() reads a field).
        if (callee != null) {
          for (int i = 0; i < args.size(); i++) {
            if (kept.mayKeep(callee, i)) References.stored(s, args.get(i), false);
          }
        }
        Place made = fresh(c);
        forgetEarlierObject(made, s);
        return made;
      }
      Map<String, Place> mine = s.swapLocals(new HashMap<>());
      RegionState calleeEntry = s.copy();
      s.swapLocals(mine);
      List<Object> key = List.of(callee.key(), args, s.globalsKey(), String.valueOf(ctx.phase()));
      Exit exit = memo.get(key);
      if (exit == null) {
        exit = run(callee, args, calleeEntry, ctx.enter(callee, c.loc(), f.name()));
        memo.put(key, exit);
      }
      if (exit.state() == null) return fresh(c);
      s.adoptGlobals(exit.state());
      // Which of the callee's returns was taken is the caller's test of its result, which is not
      // modelled: only a callee that reports an error on every path leaves the caller failing.
      if (exit.succeeded() != null) s.removeIf(fact -> fact instanceof Fact.ErrorReported);
      return exit.returned().isUnknown() ? fresh(c) : exit.returned();
    }

    private void apply(Effect e, Stmt.Call c, List<Place> args, Place result, RegionState s) {
      if (!(e instanceof Effect.Returns) && !(e instanceof Effect.TestsMapped) && primary(e, args, result).isUnknown()) {
        return; // nothing can be said about a region the analysis cannot name
      }
      if (ctx.phase() == Role.INSTANCE_FINALIZE && actsOnUnmade(e, args, result, s)) return;
      Place subject;
      Place other = null;
      if (e instanceof Effect.Init i) {
        subject = operand(i.region(), args, result);
        other = i.owner() == null ? Place.NULL : operand(i.owner(), args, result);
        Value ownerValue = i.owner() instanceof Operand.Arg oa && oa.field() == null && oa.index() < c.args().size()
            ? c.args().get(oa.index()) : null;
        OwnerShape shape = ownerShapes.classify(f, ownerValue, other, subject, ctx.device());
        observe(e, c, subject, other, s, shape);
        s.removeIf(f -> (f instanceof Fact.Owned || f instanceof Fact.Unparented) && f.region().equals(subject.id()));
        Place target = operand(i.aliasTarget(), args, result);
        s.add(new Fact.Owned(subject.id(), subject.shown(), ownerOf(other), other.shown(), i.kind(), ctx.phase(),
            c.loc(), target.isUnknown() || target.isNull() ? null : target.id(), shape == OwnerShape.THE_REGION));
        justInitialized = subject;
      } else if (e instanceof Effect.Map m) {
        subject = operand(m.region(), args, result);
        other = operand(m.container(), args, result);
        observe(e, c, subject, other, s);
        // A container of the device's, in instance_finalize, was finalized with its child properties (unless,
        // under refcount, something still holds it): the add is then a use after finalization, not a mapping.
        boolean gone = ctx.phase() == Role.INSTANCE_FINALIZE && goneInFinalize(s, other);
        if (gone && !heldPastChildProperties(s, other.id(), new java.util.HashSet<>())) return;
        // Already in another container: QEMU asserts !subregion->container, and the region stays where it was.
        // (A container QOM or the program finalized deleted it, under legacy and current semantics.)
        Place into = other;
        if (!RegionState.isSummarized(subject.id()) && s.facts(Fact.Mapped.class, subject.id()).stream()
            .anyMatch(old -> old.liveUnder(semantics) && otherKnownContainer(s, old, into))) {
          return;
        }
        s.markAcquired(subject.id());
        s.add(new Fact.Mapped(subject.id(), subject.shown(), other.id(), other.shown(), m.undoneBefore(),
            ownership(s, subject), ownership(s, other), ctx.phase(), c.loc(), ctx.chain(), gone, false));
      } else if (e instanceof Effect.Unmap u && u.region() == null) {
        Place from = operand(u.container(), args, result);
        java.util.Set<String> left = new java.util.HashSet<>();
        for (Fact f : s.facts()) if (f instanceof Fact.Mapped m && m.container().equals(from.id())) left.add(m.region());
        s.removeIf(f -> f instanceof Fact.Mapped m && m.container().equals(from.id()));
        for (String region : left) if (RegionState.isSummarized(region)) s.markReleased(region);
      } else if (e instanceof Effect.Unmap u) {
        subject = operand(u.region(), args, result);
        other = operand(u.container(), args, result);
        observe(e, c, subject, other, s);
        Place from = other;
        // A delete from a container the region is in on no path fails QEMU's assertion and unmaps nothing. (If it
        // is there on some path, the others are taken for ones where the delete does not run: paths are not told apart.)
        boolean nowhereThere = s.facts(Fact.Mapped.class, subject.id()).stream().noneMatch(m -> m.container().equals(from.id()));
        s.removeIf(f -> f instanceof Fact.Mapped m && m.region().equals(subject.id())
            && !(nowhereThere && otherKnownContainer(s, m, from)));
        if (RegionState.isSummarized(subject.id())) s.markReleased(subject.id());
        lastHolderGone(s, subject.id(), ctx.phase());
      } else if (e instanceof Effect.Ref r) {
        subject = spelled(operand(r.target(), args, result), r.target(), c);
        observe(e, c, subject, null, s);
        // object_ref() of a device, a bus or an iothread takes no reference on a region.
        if (r.anyObject() && s.facts(Fact.Owned.class, subject.id()).isEmpty() || untracked(r.target(), c)) return;
        Fact.Owner owner = refOwnership(s, subject);
        if (owner == null) return;
        s.markAcquired(subject.id());
        s.add(new Fact.Referenced(subject.id(), subject.shown(), c.callee(), owner, ctx.phase(),
            c.loc(), ctx.chain(), References.nextAge(s, subject)));
        // Reached through a pointer the device keeps (s->win = g_new0(...) earlier): the device holds it.
        if (subject.id().startsWith("new@") && s.pointedToFrom(Place.SELF, subject.id())) {
          References.stored(s, subject, true);
        }
      } else if (e instanceof Effect.Unref u) {
        subject = operand(u.target(), args, result);
        observe(e, c, subject, null, s);
        References.released(s, subject, Fact.Referenced.class, Fact.HeldBy.FIND);
        if (RegionState.isSummarized(subject.id())) s.markReleased(subject.id());
        lastHolderGone(s, subject.id(), ctx.phase());
      } else if (e instanceof Effect.Unparent u) {
        subject = operand(u.target(), args, result);
        observe(e, c, subject, null, s);
        List<String> releasedTargets = List.of();
        // In instance_finalize the device's own regions are already gone and unparent is a no-op
        // (domain.md §3): what is known of their owner still tells later calls on them apart.
        if (ctx.phase() == Role.INSTANCE_FINALIZE && ownership(s, subject) == Fact.Owner.SELF) return;
        if (finalizedByUnparent(s, subject)) {
          // memory_region_finalize deletes the subregions of a container it finalizes.
          s.removeIf(f -> f instanceof Fact.Mapped m && m.container().equals(subject.id()));
        } else if (ownedContainer(s, subject) && !ownsItself(s, subject.id())) {
          // Still held: finalized (subregions deleted) only where nothing reference-counts the region itself.
          // (A container that owns itself is counted itself under every semantics: it lives on, mappings and all.)
          List<Fact.Mapped> inside = new ArrayList<>();
          for (Fact f : s.facts()) if (f instanceof Fact.Mapped m && m.container().equals(subject.id())) inside.add(m);
          s.removeIf(f -> f instanceof Fact.Mapped m && m.container().equals(subject.id()));
          for (Fact.Mapped m : inside) s.add(m.withContainerUnparented());
        }
        // Only an unparent that unlinks the region does anything: after it the region has no parent.
        if (!s.facts(Fact.Owned.class, subject.id()).isEmpty()) {
          // Under legacy and current semantics references are on the owner: only the child property held the region.
          boolean ownsItself = ownsItself(s, subject.id());
          boolean finalized = semantics != Semantics.REFCOUNT && !ownsItself || !held(s, subject.id());
          List<String> targets = aliasTargets(s, subject.id());
          s.add(new Fact.Unparented(subject.id(), ownership(s, subject), finalized, ownsItself,
              targets.size() == 1 ? targets.get(0) : null));
          // A finalized alias lets its target go: the reference it held on it is dropped.
          if (finalized) releasedTargets = targets;
          List<Fact.Mapped> own = s.facts(Fact.Mapped.class, subject.id());
          s.removeIf(f -> f instanceof Fact.Mapped && f.region().equals(subject.id()));
          for (Fact.Mapped m : own) s.add(m.withRegionUnparented());
        }
        s.removeIf(f -> f instanceof Fact.Owned && f.region().equals(subject.id()));
        for (String target : releasedTargets) lastHolderGone(s, target, ctx.phase());
      } else if (e instanceof Effect.Free fr) {
        subject = operand(fr.target(), args, result);
        observe(e, c, subject, null, s);
        if (!subject.isUnknown() && !subject.isNull()) {
          // In instance_finalize the device's regions were finalized before: freeing their storage does not
          // make a later call on them any less a use after finalization (MR004). Under legacy and current
          // semantics a memory_region_ref is on the owner: freeing the region does not give it back.
          boolean finalizing = ctx.phase() == Role.INSTANCE_FINALIZE;
          List<Fact.DestroyPending> lost = new ArrayList<>();
          for (Fact.DestroyPending d : s.facts(Fact.DestroyPending.class)) {
            if (d.root() != null && Place.isWithin(d.region(), subject.id())) lost.add(d);
          }
          s.removeIf(f -> !(f instanceof Fact.AddressSpaceLive) && Place.isWithin(f.region(), subject.id())
              && !(finalizing && f instanceof Fact.Owned o && o.owner() == Fact.Owner.SELF)
              && !(semantics != Semantics.REFCOUNT && isRegionRef(f)));
          // Nothing is mapped in a container whose storage is gone (its finalization would delete them).
          s.removeIf(f -> f instanceof Fact.Mapped m && Place.isWithin(m.container(), subject.id()));
          if (!finalizing) forgetFreedHeld(s, subject.id());
          for (Fact.DestroyPending d : lost) s.add(new Fact.RootKeptByLostDestroy(d.root(), d.region()));
        }
      } else if (e instanceof Effect.AddressSpaceInit a) {
        subject = operand(a.addressSpace(), args, result);
        other = operand(a.root(), args, result);
        observe(e, c, subject, other, s);
        s.markAcquired(subject.id());
        s.removeIf(f -> f instanceof Fact.DestroyPending && f.region().equals(subject.id()));
        s.add(new Fact.AddressSpaceLive(other.id(), other.shown(), subject.id(), subject.shown(),
            ownership(s, other), ctx.phase(), c.loc(), ctx.chain(), guards.at(f, node), ownHeld(s, other)));
      } else if (e instanceof Effect.AddressSpaceDestroy d) {
        subject = operand(d.addressSpace(), args, result);
        observe(e, c, subject, null, s);
        if (!d.frees()) {
          boolean known = false;
          for (Fact.AddressSpaceLive l : s.facts(Fact.AddressSpaceLive.class)) {
            if (!l.addressSpace().equals(subject.id())) continue;
            known = true;
            s.add(new Fact.DestroyPending(subject.id(), subject.shown(), l.region(), l.shown(), l.phase(), l.at(),
                ctx.phase(), c.loc(), guards.at(f, node), l.rootOwner(), l.ownHeld()));
          }
          // Initialized where this replay did not look (an earlier run-time call): the destroy is pending all the same.
          if (!known) {
            s.add(new Fact.DestroyPending(subject.id(), subject.shown(), null, null, null, null, ctx.phase(), c.loc(),
                guards.at(f, node), null, List.of()));
          }
        }
        List<String> roots = new ArrayList<>();
        for (Fact.AddressSpaceLive l : s.facts(Fact.AddressSpaceLive.class)) if (l.addressSpace().equals(subject.id())) roots.add(l.region());
        s.removeIf(f -> f instanceof Fact.AddressSpaceLive l && l.addressSpace().equals(subject.id()));
        for (String root : roots) lastHolderGone(s, root, ctx.phase());
        if (RegionState.isSummarized(subject.id())) s.markReleased(subject.id());
      } else if (e instanceof Effect.AddressSpaceMap m) {
        subject = spelled(operand(m.result(), args, result), m.result(), c);
        other = operand(m.addressSpace(), args, result);
        observe(e, c, subject, other, s);
        if (untracked(m.result(), c)) return;
        s.add(new Fact.Held(subject.id(), subject.shown(), Fact.HeldBy.MAP, other.shown(), ctx.phase(), c.loc(),
            ctx.chain()));
      } else if (e instanceof Effect.AddressSpaceUnmap u) {
        subject = operand(u.mapping(), args, result);
        observe(e, c, subject, null, s);
        References.released(s, subject, Fact.Held.class, Fact.HeldBy.MAP);
      } else if (e instanceof Effect.Find fd) {
        subject = spelled(operand(fd.reference(), args, result), fd.reference(), c);
        observe(e, c, subject, null, s);
        if (untracked(fd.reference(), c)) return;
        s.add(new Fact.Held(subject.id(), subject.shown(), Fact.HeldBy.FIND, null, ctx.phase(), c.loc(), ctx.chain()));
      } else if (e instanceof Effect.Keeps k) {
        References.stored(s, operand(k.target(), args, result), false);
      } else if (e instanceof Effect.ReportsError r) {
        if (operand(r.errp(), args, result).id().equals(Place.ERROR.id())) s.add(new Fact.ErrorReported(Place.ERROR.id()));
      } else if (e instanceof Effect.Registers r) {
        observe(e, c, operand(r.target(), args, result), operand(r.with(), args, result), s);
      } else if (e instanceof Effect.DeviceOwner d) {
        Place owner = operand(d.owner(), args, result);
        Value ownerValue = d.owner() instanceof Operand.Arg oa && oa.field() == null && oa.index() < c.args().size()
            ? c.args().get(oa.index()) : null;
        Place region = regionOf(modelled(c), args, result);
        observe(e, c, owner, region, s, ownerShapes.classify(f, ownerValue, owner, region, ctx.device()));
      }
    }

    /** Whether {@code e} needs a region of the device's that is {@link #notMadeYet} on this path. */
    private boolean actsOnUnmade(Effect e, List<Place> args, Place result, RegionState s) {
      if (notMadeYet.isEmpty()) return false;
      List<Operand> needed = new ArrayList<>();
      if (e instanceof Effect.Init i) needed.add(i.aliasTarget());
      else if (e instanceof Effect.Map m) needed.addAll(java.util.Arrays.asList(m.region(), m.container()));
      // (a null region: memory_region_del_subregion of everything in the container)
      else if (e instanceof Effect.Unmap u) needed.addAll(java.util.Arrays.asList(u.region(), u.container()));
      else if (e instanceof Effect.Ref r) needed.add(r.target());
      else if (e instanceof Effect.Unref u) needed.add(u.target());
      else if (e instanceof Effect.Unparent u) needed.add(u.target());
      else if (e instanceof Effect.AddressSpaceInit a) needed.add(a.root());
      for (Operand o : needed) {
        String id = operand(o, args, result).id();
        if (notMadeYet.contains(id) && s.facts(Fact.Owned.class, id).isEmpty()
            && s.facts(Fact.Unparented.class, id).isEmpty()) {
          return true;
        }
      }
      return false;
    }

    /**
     * A container whose child property is the last thing holding it: not mapped, not an address
     * space's root, not referenced, or owner-less. Its unparent finalizes it under every semantics.
     */
    private boolean finalizedByUnparent(RegionState s, Place region) {
      if (!ownedContainer(s, region)) return false;
      // An owner-less region is never reference counted: what maps it holds nothing.
      if (s.facts(Fact.Owned.class, region.id()).stream().allMatch(o -> o.owner() == Fact.Owner.NONE)) return true;
      return !held(s, region.id());
    }

    /**
     * Whether {@code m} is into a container other than {@code from}, both known for what they are (system
     * memory or a region this replay saw initialized), so no alias can make them the same.
     */
    private boolean otherKnownContainer(RegionState s, Fact.Mapped m, Place from) {
      return !from.isUnknown() && !m.container().equals(from.id()) && known(s, m.container()) && known(s, from.id());
    }

    private boolean known(RegionState s, String region) {
      return region.startsWith("global:") || !s.facts(Fact.Owned.class, region).isEmpty();
    }

    private boolean goneInFinalize(RegionState s, Place region) {
      return droppedWithChildProperties(s.facts(Fact.Owned.class, region.id()));
    }

    /** A container with a parent on every path: initialized and not unparented since. */
    private boolean ownedContainer(RegionState s, Place region) {
      return ownedOnEveryPath(s, region.id(), o -> o.kind() == dev.mrcheck.model.RegionKind.CONTAINER);
    }

    /** A memory_region_ref-style reference, given to a place or not. */
    private static boolean isRegionRef(Fact f) {
      return f instanceof Fact.Referenced || f instanceof Fact.Stored st && st.reference() instanceof Fact.Referenced;
    }

    /**
     * A reference in a result the code does not assign to a variable or a field: it went into an
     * expression the IR does not follow ({@code memory_region_find(..).mr} as an initializer),
     * so where it ends up, and whether it is given back, is unknown.
     */
    private boolean untracked(Operand o, Stmt.Call c) {
      return o instanceof Operand.Result && c.result() == null;
    }

    /** A reference in the call's result, named as the code stores it: {@code sec.mr} rather than {@code memory_region_find(...).mr}. */
    private Place spelled(Place p, Operand o, Stmt.Call c) {
      if (!(o instanceof Operand.Result r) || c.result() == null) return p;
      return new Place(p.id(), c.result() + (r.field() == null ? "" : "." + r.field()));
    }

    private Place primary(Effect e, List<Place> args, Place result) {
      if (e instanceof Effect.Init i) return operand(i.region(), args, result);
      if (e instanceof Effect.Map m) return operand(m.region(), args, result);
      if (e instanceof Effect.Unmap u) return operand(u.region() == null ? u.container() : u.region(), args, result);
      if (e instanceof Effect.Ref r) return operand(r.target(), args, result);
      if (e instanceof Effect.Unref u) return operand(u.target(), args, result);
      if (e instanceof Effect.Unparent u) return operand(u.target(), args, result);
      if (e instanceof Effect.Free f) return operand(f.target(), args, result);
      if (e instanceof Effect.AddressSpaceInit a) return operand(a.addressSpace(), args, result);
      if (e instanceof Effect.AddressSpaceDestroy d) return operand(d.addressSpace(), args, result);
      if (e instanceof Effect.AddressSpaceMap m) return operand(m.result(), args, result);
      if (e instanceof Effect.AddressSpaceUnmap u) return operand(u.mapping(), args, result);
      if (e instanceof Effect.Find f) return operand(f.reference(), args, result);
      if (e instanceof Effect.Keeps k) return operand(k.target(), args, result);
      if (e instanceof Effect.DeviceOwner d) return operand(d.owner(), args, result);
      if (e instanceof Effect.Registers r) return operand(r.target(), args, result);
      if (e instanceof Effect.ReportsError r) return operand(r.errp(), args, result);
      return Place.UNKNOWN;
    }

    private FunctionModel modelled(Stmt.Call c) {
      return model.function(c.callee()).orElseThrow();
    }

    /** The region a modelled call initializes, if it does. */
    private Place regionOf(FunctionModel fm, List<Place> args, Place result) {
      for (Effect e : fm.effects()) if (e instanceof Effect.Init i) return operand(i.region(), args, result);
      return Place.UNKNOWN;
    }

    private void observe(Effect e, Stmt.Call c, Place subject, Place other, RegionState s) {
      observe(e, c, subject, other, s, null);
    }

    private void observe(Effect e, Stmt.Call c, Place subject, Place other, RegionState s, OwnerShape shape) {
      sink.accept(new Observation(e, c.callee(), subject, other, c.loc(), f.name(), ctx.phase(),
          ctx.device(), ctx.chain(), s.copy(), f.key() + "#" + node, shape));
    }

    /**
     * {@code OBJECT(mr)->free = fn}: QOM casts are looked through, so this is a store to
     * {@code mr.free}; MemoryRegion has no member of that name, so the store is to the Object header.
     */
    private void freeHook(Stmt.Assign a, RegionState s) {
      AccessPath t = a.target();
      if (t.steps().isEmpty() || !t.lastStep().equals("free")) return;
      Value.Path prefix = new Value.Path(new AccessPath(t.kind(), t.root(), t.steps().subList(0, t.steps().size() - 1)));
      String type = ownerShapes.staticType(f, prefix);
      Place region = place(prefix, s);
      if (type == null && !region.isUnknown()) type = ownerShapes.placeType(region.id(), ctx.device());
      if (region.isUnknown() || qom.ofStruct(type) != QomClasses.Kind.REGION) return;
      freeHookSink.accept(new FreeHookOverride(region, a.value().toString(), a.loc(), f.name(), ctx.phase(),
          ctx.device(), ctx.chain(), s.copy()));
    }

    private void assume(Stmt.Assume a, RegionState s) {
      // if (*errp) after ERRP_GUARD(): a callee reported the error through the hook's own errp.
      if (a.holds() && a.cond() instanceof Value.Path p && p.path().steps().isEmpty()
          && Place.ERROR.id().equals(place(p, s).id())) {
        s.add(new Fact.ErrorReported(Place.ERROR.id()));
      }
      if (!a.holds() && a.cond() instanceof Value.Path p) References.nullOnThisBranch(s, place(p, s));
      if (a.holds() && justInitialized != null && isErrorCheck(a.cond())) {
        // memory_region_init_ram*() unparents the region itself when it fails.
        Place failed = justInitialized;
        s.removeIf(f -> f instanceof Fact.Owned && f.region().equals(failed.id()));
        return;
      }
      if (a.cond() instanceof Value.CallResult init && !a.holds() && initRegion(init, s) != null) {
        Place failed = initRegion(init, s);
        s.removeIf(f -> f instanceof Fact.Owned && f.region().equals(failed.id()));
        return;
      }
      if (a.holds() || !(a.cond() instanceof Value.CallResult cr)) return;
      Optional<FunctionModel> fm = model.function(cr.callee());
      if (fm.isEmpty()) return;
      List<Place> args = new ArrayList<>();
      for (Value v : cr.args()) args.add(place(v, s));
      for (Effect e : fm.get().effects()) {
        if (e instanceof Effect.TestsMapped t) {
          Place region = operand(t.region(), args, Place.UNKNOWN);
          s.removeIf(f -> f instanceof Fact.Mapped && f.region().equals(region.id()));
        }
      }
    }

    /** {@code if (*errp)}, {@code if (err)}, {@code if (local_err)}: the last call reported an error. */
    private boolean isErrorCheck(Value cond) {
      if (!(cond instanceof Value.Path p) || !p.path().steps().isEmpty()) return false;
      String name = p.path().root();
      String type = f.localTypes().getOrDefault(name, "");
      return type.equals("Error") || name.equals("errp") || name.equals("err") || name.equals("local_err");
    }

    /** The region a {@code memory_region_init*} condition initialized: {@code if (!memory_region_init_rom(..))}. */
    private Place initRegion(Value.CallResult call, RegionState s) {
      Optional<FunctionModel> fm = model.function(call.callee());
      if (fm.isEmpty()) return null;
      for (Effect e : fm.get().effects()) {
        if (e instanceof Effect.Init i && i.region() instanceof Operand.Arg a && a.index() < call.args().size()) {
          return place(call.args().get(a.index()), s);
        }
      }
      return null;
    }

    private Place operand(Operand o, List<Place> args, Place result) {
      if (o == null) return Place.UNKNOWN;
      if (o instanceof Operand.Arg a) {
        Place base = a.index() < args.size() ? args.get(a.index()) : Place.UNKNOWN;
        return a.field() == null ? base : base.field(a.field());
      }
      if (o instanceof Operand.Result r) return r.field() == null ? result : result.field(r.field());
      if (o instanceof Operand.Global g) return new Place("global:" + g.name(), g.name());
      return Place.UNKNOWN;
    }

    private void assign(AccessPath target, Place value, RegionState s) {
      if (target.steps().isEmpty() && target.kind() != AccessPath.Root.GLOBAL) {
        if (isParam(target.root())) {
          // *page = dma_memory_map(..): the IR drops the *, but the caller reads the buffer through page.
          Place param = s.local(target.root());
          References.stored(s, value, param != null && Place.isWithin(param.id(), Place.SELF));
        }
        if (value != null) ownerShapes.allocated(value.id(), f.localTypes().get(target.root()));
        s.bindLocal(target.root(), value);
        return;
      }
      String id = unaliasedId(target, s);
      // s->buf = g_new0(Buf, 1): what the site made has the field's type, as it would a local's.
      if (value != null) ownerShapes.allocated(value.id(), ownerShapes.staticType(f, new Value.Path(target)));
      References.stored(s, value, id != null && Place.isWithin(id, Place.SELF));
      if (id == null) return;
      if (value == null || value.isUnknown() || value.isNull()) s.setAlias(id, null);
      else if (!value.id().equals(id)) s.setAlias(id, value.id());
    }

    private boolean isParam(String name) {
      return f.params().stream().anyMatch(p -> p.name().equals(name));
    }

    /** The id of a store target: its prefix resolved through aliases, the last step kept as written. */
    private String unaliasedId(AccessPath target, RegionState s) {
      if (target.steps().isEmpty()) return "g:" + target.root();
      AccessPath prefix = new AccessPath(target.kind(), target.root(),
          target.steps().subList(0, target.steps().size() - 1));
      Place p = pathPlace(prefix, s);
      return p.isUnknown() ? null : p.id() + "." + target.lastStep();
    }

    Place place(Value v, RegionState s) {
      if (v instanceof Value.Null n) return n.text().equals(Place.NULL.shown()) ? Place.NULL : new Place(Place.NULL.id(), n.text());
      if (v instanceof Value.Path p) return pathPlace(p.path(), s);
      if (v instanceof Value.CallResult cr) {
        Place p = lastResult.get(cr.callee());
        return p != null ? p : Place.UNKNOWN;
      }
      return Place.UNKNOWN;
    }

    private Place pathPlace(AccessPath ap, RegionState s) {
      Place base = s.local(ap.root());
      String id;
      if (base != null) {
        if (base.isUnknown() || base.isNull()) return Place.UNKNOWN;
        id = base.id();
      } else if (ap.kind() == AccessPath.Root.GLOBAL) {
        id = "g:" + ap.root();
      } else {
        id = f.key() + "::" + ap.root();
      }
      id = resolveAliases(id, s);
      java.util.List<String> steps = ap.steps();
      for (int i = 0; i < steps.size(); i++) {
        String step = steps.get(i);
        if (QemuLists.isHeadLink(step)) {
          id = id + "." + QemuLists.ELEMENT; // head->lh_first: the list's summarized element
        } else if (QemuLists.isNextLink(step) && id.endsWith("." + QemuLists.ELEMENT + "." + steps.get(i - 1 < 0 ? 0 : i - 1))) {
          id = id.substring(0, id.length() - steps.get(i - 1).length() - 1); // elem->next.le_next: the same summary
        } else {
          id = resolveAliases(id + "." + step, s);
        }
      }
      return new Place(id, ap.toString());
    }

    private String resolveAliases(String id, RegionState s) {
      if (!s.hasAliases()) return id;
      String target = s.alias(id);
      return target != null ? target : id;
    }

    private Place fresh(Stmt.Call c) {
      SourceLoc l = c.loc();
      return new Place("new@" + l.file() + ":" + l.line() + ":" + l.column() + "#" + ctx.chain().size(),
          c.callee() + "(...)");
    }
  }

  /**
   * QOM drops the device's child properties before instance_finalize: a region the device owns is
   * finalized then, and memory_region_finalize deletes its subregions, whoever owns them. Under refcount
   * a region something else still holds (a mapping, an address space, a reference, possibly an alias)
   * lives on with its subregions: those mappings are kept, marked as under an object_unparent.
   */
  static RegionState childPropertiesDropped(RegionState entry) {
    RegionState s = entry.copy();
    for (Fact.Mapped m : s.facts(Fact.Mapped.class)) {
      List<Fact.Owned> owned = s.facts(Fact.Owned.class, m.container());
      if (m.containerUnparented() || owned.isEmpty() || owned.stream().anyMatch(o -> o.owner() != Fact.Owner.SELF)) continue;
      boolean held = heldPastChildProperties(s, m.container(), new java.util.HashSet<>());
      s.removeIf(f -> f.equals(m));
      if (held) s.add(m.withContainerUnparented());
    }
    return s;
  }

  private static List<String> aliasTargets(RegionState s, String alias) {
    return s.facts(Fact.Owned.class, alias).stream().map(Fact.Owned::aliasOf).filter(java.util.Objects::nonNull)
        .distinct().toList();
  }

  /**
   * Refcount semantics, a device unplugged: after unrealize qdev deletes the device's regions from their
   * containers and unparents them (domain.md §2), so no container holds one of them past the unplug. An
   * unparented region holds its owner: a pending address_space_destroy over one of the device's regions
   * keeps the device alive until its RCU callback has run, and so have the destroys queued before it.
   */
  static RegionState qdevUnplugged(RegionState entry) {
    RegionState s = entry.copy();
    s.removeIf(f -> f instanceof Fact.Mapped m && ownedBySelf(s, m.region()));
    List<Fact.DestroyPending> queued = s.facts(Fact.DestroyPending.class);
    int last = -1;
    for (int i = 0; i < queued.size(); i++) if (!queued.get(i).ownHeld().isEmpty()) last = i;
    Set<Fact> ran = Set.copyOf(queued.subList(0, last + 1));
    s.removeIf(ran::contains);
    return s;
  }

  private static boolean ownedBySelf(RegionState s, String region) {
    return ownedOnEveryPath(s, region, o -> o.owner() == Fact.Owner.SELF);
  }

  /** Initialized on every path that says anything of {@code region}, each init as {@code how} says. */
  private static boolean ownedOnEveryPath(RegionState s, String region, java.util.function.Predicate<Fact.Owned> how) {
    return everyInit(s.facts(Fact.Owned.class, region), how);
  }

  private static boolean everyInit(List<Fact.Owned> owned, java.util.function.Predicate<Fact.Owned> how) {
    return !owned.isEmpty() && owned.stream().allMatch(how);
  }

  /**
   * {@link #held}, once QOM dropped the device's child properties: an alias of the device's own goes
   * with them, and lets its target go, unless something holds the alias in turn.
   */
  private static boolean heldPastChildProperties(RegionState s, String region, Set<String> seen) {
    if (!seen.add(region)) return false;
    // A reference taken in instance_finalize, on a region QOM dropped already, revives nothing.
    if (heldOtherThanByAlias(s, region, r -> r.phase() != Role.INSTANCE_FINALIZE)) return true;
    for (Fact.Owned alias : s.facts(Fact.Owned.class)) {
      if (!region.equals(alias.aliasOf())) continue;
      if (alias.owner() != Fact.Owner.SELF || heldPastChildProperties(s, alias.region(), seen)) return true;
    }
    return false;
  }

  /**
   * A region of the device's made before instance_finalize (on every path): in instance_finalize, QOM
   * has dropped it with the child properties already.
   */
  private static boolean droppedWithChildProperties(List<Fact.Owned> owned) {
    return everyInit(owned, o -> o.owner() == Fact.Owner.SELF && o.phase() != Role.INSTANCE_FINALIZE);
  }

  /**
   * An RCU grace period: the callbacks of the address_space_destroy calls so far have run, and the
   * roots they held are let go.
   */
  static void gracePeriodPassed(RegionState s, Role phase) {
    List<String> roots = new ArrayList<>();
    for (Fact.DestroyPending d : s.facts(Fact.DestroyPending.class)) if (d.root() != null) roots.add(d.root());
    s.removeIf(f -> f instanceof Fact.DestroyPending);
    for (String root : roots) lastHolderGone(s, root, phase);
  }

  /**
   * Under refcount a container unparented while held is finalized when its last holder lets it go, and
   * its subregions are deleted then (under legacy and current they were at the unparent already).
   */
  private static void lastHolderGone(RegionState s, String region, Role phase) {
    List<Fact.Owned> owned = s.facts(Fact.Owned.class, region);
    // In instance_finalize the device's own regions have lost their parent link already.
    boolean parentGone = owned.isEmpty() || phase == Role.INSTANCE_FINALIZE && droppedWithChildProperties(owned);
    if (!parentGone || held(s, region)) return;
    // Unparented owning itself: it lived as long as it was held.
    boolean countedItself = s.everyUnparent(region, Fact.Unparented::ownsItself);
    s.removeIf(f -> f instanceof Fact.Mapped m && (m.containerUnparented() || countedItself) && m.container().equals(region));
    // An unparented region that was still held is finalized now: a later ref on it takes nothing.
    for (Fact.Unparented u : s.facts(Fact.Unparented.class, region)) {
      if (u.finalized()) continue;
      s.removeIf(u::equals);
      s.add(new Fact.Unparented(region, u.owner(), true, u.ownsItself(), u.aliasOf()));
      // A finalized alias drops its reference on its target.
      if (u.aliasOf() != null) lastHolderGone(s, u.aliasOf(), phase);
    }
  }

  /**
   * A region whose owner is the region itself ({@code OBJECT(mr)}, MR009) on every path: QOM counts its
   * references on the region, as refcount semantics counts every region's, whatever the semantics.
   */
  private static boolean ownsItself(RegionState s, String region) {
    return ownedOnEveryPath(s, region, Fact.Owned::ownsItself);
  }

  /**
   * Whether something besides its parent may hold {@code region}: a mapping, an address space over it, a
   * reference, or (under refcount) an alias of it. The may-facts make this "on some path".
   */
  private static boolean held(RegionState s, String region) {
    return heldOtherThanByAlias(s, region, r -> true)
        || s.facts(Fact.Owned.class).stream().anyMatch(o -> region.equals(o.aliasOf()))
        // An alias unparented while held lives on, and references its target still.
        || s.facts(Fact.Unparented.class).stream().anyMatch(u -> !u.finalized() && region.equals(u.aliasOf()));
  }

  /** {@link #held} but for aliases, counting only the references {@code counts} accepts. */
  private static boolean heldOtherThanByAlias(RegionState s, String region,
      java.util.function.Predicate<Fact.Referenced> counts) {
    return !s.facts(Fact.Mapped.class, region).isEmpty() || !s.facts(Fact.AddressSpaceLive.class, region).isEmpty()
        || s.facts(Fact.Referenced.class, region).stream().anyMatch(counts)
        // address_space_destroy drops its root reference in an RCU callback, after this phase; never if lost.
        || s.facts(Fact.DestroyPending.class).stream().anyMatch(d -> region.equals(d.root()))
        || !s.facts(Fact.RootKeptByLostDestroy.class, region).isEmpty();
  }

  /** The owner of {@code region} on every path reaching here, or OTHER when unknown or path-dependent. */
  static Fact.Owner ownership(RegionState s, Place region) {
    Fact.Owner found = null;
    for (Fact.Owned o : s.facts(Fact.Owned.class, region.id())) {
      if (found != null && found != o.owner()) return Fact.Owner.OTHER;
      found = o.owner();
    }
    return found == null ? Fact.Owner.OTHER : found;
  }

  /**
   * Whose reference a {@code memory_region_ref} of {@code region} takes: its owner's from its init, or,
   * once unparented, the owner it had (finalization leaves {@code mr->owner} in place, and under legacy
   * and current semantics the ref is on that owner, alive or not the region). Null under refcount when an
   * unparent finalized it on every path that says anything: the ref is then a use after finalization.
   */
  private Fact.Owner refOwnership(RegionState s, Place region) {
    if (!s.facts(Fact.Owned.class, region.id()).isEmpty()) return ownership(s, region);
    List<Fact.Unparented> gone = s.facts(Fact.Unparented.class, region.id());
    if (gone.isEmpty()) return Fact.Owner.OTHER;
    // A region that owns itself is referenced itself under every semantics, as every region under refcount.
    if (s.everyUnparent(region.id(), u -> u.finalized() && (semantics == Semantics.REFCOUNT || u.ownsItself()))) return null;
    Fact.Owner found = gone.get(0).owner();
    return gone.stream().allMatch(u -> u.owner() == found) ? found : Fact.Owner.OTHER;
  }

  /**
   * The device's own regions an address space over {@code root} keeps alive when references are on
   * regions (refcount): the root, and along an alias root the regions it aliases (an alias references
   * its target). The chain ends at an owner-less region: nothing references it (domain.md §1), so what
   * it aliases is not kept by the address space. A region of the device the program unparented while
   * something (an alias) still held it is the device's too: alive, it holds the device (what it aliases
   * is no longer known).
   */
  private static List<String> ownHeld(RegionState s, Place root) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (String id = root.id(); id != null && seen.add(id); ) {
      List<Fact.Owned> owned = s.facts(Fact.Owned.class, id);
      if (owned.isEmpty() && s.facts(Fact.Unparented.class, id).stream()
          .anyMatch(u -> u.owner() == Fact.Owner.SELF && !u.finalized())) {
        out.add(id);
      }
      if (everyInit(owned, o -> o.owner() == Fact.Owner.NONE && !o.ownsItself())) break;
      if (everyInit(owned, o -> o.owner() == Fact.Owner.SELF)) out.add(id);
      id = owned.size() == 1 ? owned.get(0).aliasOf() : null;
    }
    return List.copyOf(out);
  }

  /**
   * A region whose storage the program freed keeps nothing alive any more (under refcount it would hold
   * its owner through freed memory): it leaves the {@code ownHeld} of the address spaces over it, and so
   * do the regions the address space held only through it (an alias's targets, later in the list). (In
   * instance_finalize the device is being finalized already: nothing there holds it any longer.)
   */
  private static void forgetFreedHeld(RegionState s, String freed) {
    for (Fact f : List.copyOf(s.facts())) {
      List<String> held = f instanceof Fact.AddressSpaceLive a ? a.ownHeld()
          : f instanceof Fact.DestroyPending d ? d.ownHeld() : List.of();
      int first = 0;
      while (first < held.size() && !Place.isWithin(held.get(first), freed)) first++;
      if (first == held.size()) continue;
      List<String> kept = List.copyOf(held.subList(0, first));
      s.removeIf(f::equals);
      s.add(f instanceof Fact.AddressSpaceLive a
          ? new Fact.AddressSpaceLive(a.region(), a.shown(), a.addressSpace(), a.addressSpaceShown(), a.rootOwner(),
              a.phase(), a.at(), a.how(), a.guards(), kept)
          : withOwnHeld((Fact.DestroyPending) f, kept));
    }
  }

  private static Fact.DestroyPending withOwnHeld(Fact.DestroyPending d, List<String> ownHeld) {
    return new Fact.DestroyPending(d.region(), d.shown(), d.root(), d.rootShown(), d.initPhase(), d.initAt(), d.phase(),
        d.at(), d.guards(), d.rootOwner(), ownHeld);
  }

  static Fact.Owner ownerOf(Place owner) {
    if (owner == null || owner.isNull()) return Fact.Owner.NONE;
    String id = owner.id();
    if (id.equals(Place.SELF)) return Fact.Owner.SELF;
    if (id.startsWith(Place.SELF + ".")) {
      String rest = id.substring(Place.SELF.length() + 1);
      if (!rest.contains(".") && PARENT_FIELDS.contains(rest)) return Fact.Owner.SELF;
    }
    return Fact.Owner.OTHER;
  }
}
