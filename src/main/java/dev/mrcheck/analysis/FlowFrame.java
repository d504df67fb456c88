package dev.mrcheck.analysis;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.Value;
import dev.mrcheck.model.FunctionModel;
import dev.mrcheck.model.GuardValue;
import dev.mrcheck.model.Operand;
import dev.mrcheck.model.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One invocation of a function in a replay: the transfer of its statements (calls, assignments,
 * assumptions, returns) and the resolution of the places its values name. A modelled call's effects
 * go to {@link EffectTransfer}; a call into device code is followed through {@link RegionFlow}.
 */
final class FlowFrame {
  final RegionFlow flow;
  final Function f;
  final RegionFlow.Context ctx;
  private final Map<String, Place> lastResult = new HashMap<>();
  Place returned;

  /**
   * The node being transferred: a finally block lowered twice has the same location on two nodes.
   */
  int node;

  /**
   * The region of the last call if it was a memory_region_init*: its failure unparents the region.
   */
  Place justInitialized;

  /** While one call is applied to each region of a subregion walk: the region at hand. */
  private String walkedRegion;

  FlowFrame(RegionFlow flow, Function f, RegionFlow.Context ctx) {
    this.flow = flow;
    this.f = f;
    this.ctx = ctx;
  }

  void transfer(Stmt stmt, RegionState s) {
    if (stmt instanceof Stmt.Call c) call(c, s);
    else if (stmt instanceof Stmt.Assign a) {
      freeHook(a, s);
      assign(a.target(), place(a.value(), s), s);
      fieldAssigned(a.target(), truth(a.value()), s);
    } else if (stmt instanceof Stmt.Assume a) assume(a, s);
    else if (stmt instanceof Stmt.Return r && r.value() != null) {
      Place p = place(r.value(), s);
      // return NULL on a failure path and the buffer on success: the caller's result is the buffer,
      // and its if (!buf) tells the paths apart, as a local's NULL-or-place does.
      if (returned == null || returned.isNull()) returned = p;
      else if (!p.isNull() && !returned.equals(p)) returned = Place.UNKNOWN;
      // A replay root hands what it returns to code the analysis does not see (a translate hook's
      // caller).
      if (ctx.stack().size() == 1) References.stored(s, p, false);
    }
  }

  private void call(Stmt.Call c, RegionState s) {
    justInitialized = null;
    if (c.loc().equals(flow.constructionSite) && ctx.stack().size() == 1 && c.result() != null) {
      // The factory's object_new makes the object whose lifecycle is replayed.
      assign(c.result(), new Place(Place.SELF, c.result().toString()), s);
      return;
    }
    List<Place> args = new ArrayList<>(c.args().size());
    for (Value v : c.args()) args.add(place(v, s));
    if (QemuLists.isInsert(c.callee()) && args.size() >= 3) {
      insertIntoList(args.get(0), args.get(args.size() - 2), c, s);
      return;
    }
    Optional<FunctionModel> modelled = flow.model.function(c.callee());
    Place result;
    if (modelled.isPresent()) {
      result = storedFactoryResult(c, modelled.get(), s);
      if (result == null) {
        result = fresh(c);
        forgetEarlierObject(result, s);
      }
      for (Operation<Operand> e : modelled.get().effects()) {
        if (e instanceof Operation.Returns<Operand> r) result = operand(r.target(), args, result);
      }
      List<List<Place>> walked =
          SubregionWalk.expand(args, s, (element, region) -> walkGuardsAdmit(element, region, s));
      for (List<Place> each : walked) {
        walkedRegion = walked.size() > 1 || each != args ? SubregionWalk.region(each, args) : null;
        for (Operation<Operand> e : modelled.get().effects())
          e.accept(new EffectTransfer(this, c, each, result, s));
      }
      walkedRegion = null;
      if (modelled.get().effects().stream().anyMatch(e -> e instanceof Operation.Unmap))
        SubregionWalk.deletedEach(walked, args, s);
    } else {
      result = followCall(c, args, s);
    }
    lastResult.put(c.callee(), result);
    if (c.result() != null) {
      assign(c.result(), result, s);
      fieldAssigned(c.result(), null, s);
    }
  }

  /**
   * Whether the tests every path here passed let a call on a subregion walk's {@code element} reach
   * {@code region} (docs/lifetime.md#subregion-walks): no test of the element reads otherwise for a
   * region of its kind.
   */
  private boolean walkGuardsAdmit(String element, String region, RegionState s) {
    List<Fact.Owned> owned = s.facts(Fact.Owned.class, region);
    if (owned.isEmpty()) return true;
    for (Stmt.Assume a : flow.assumptions.at(f, node)) {
      Boolean read = SubregionWalk.tested(a.cond(), element, owned.get(0).kind(), v -> place(v, s));
      if (read != null && read != a.holds()) return false;
    }
    return true;
  }

  /**
   * The truth of an assigned value as a condition would read it: NULL, 0 and false are false, other
   * literals true; null when it depends on what the analysis does not evaluate.
   */
  private static Boolean truth(Value v) {
    if (v instanceof Value.Null) return false;
    GuardValue g = v instanceof Value.Literal l ? GuardValue.ofLiteral(l.text()) : null;
    return g == null ? null : g.truth();
  }

  /**
   * A store to a field of the device that some condition tests (docs/lifetime.md#phases: the same
   * flag tested in realize, handlers and unrealize): what it now is on every path here.
   */
  private void fieldAssigned(AccessPath target, Boolean truth, RegionState s) {
    String field = testedField(target, s);
    if (field != null) s.fieldAssigned(field, truth);
  }

  /** The id of a device field named by {@code path} that some condition tests, else null. */
  private String testedField(AccessPath path, RegionState s) {
    if (path.steps().isEmpty() || !flow.testedFields().contains(path.lastStep())) return null;
    Place p = pathPlace(path, s);
    return !p.isUnknown() && Place.isWithin(p.id(), Place.SELF) ? p.id() : null;
  }

  /**
   * {@code this.mmio = MemoryRegion.io(...)}: a region (or address space) a factory makes and the
   * code stores in a field is known by that field, as C's in-place {@code
   * memory_region_init_io(&s->mmio, ...)} is. A fresh place aliased by the field would name a
   * region re-created into the same field differently on each path, and a join of those paths
   * (finalize after realize or after unrealize) would keep only one of them. Null when the call is
   * no such factory.
   */
  private Place storedFactoryResult(Stmt.Call c, FunctionModel m, RegionState s) {
    if (c.result() == null || c.result().steps().isEmpty()) return null;
    boolean factory =
        m.effects().stream()
            .anyMatch(
                e ->
                    e instanceof Operation.Init<Operand> i && isResult(i.region())
                        || e instanceof Operation.AddressSpaceInit<Operand> a
                            && isResult(a.addressSpace()));
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
      if (v instanceof Value.Path p
          && p.path().steps().isEmpty()
          && s.local(p.path().root()) != null
          && s.local(p.path().root()).id().equals(element.id())) {
        s.bindLocal(p.path().root(), new Place(summary, p.path().root()));
      }
    }
  }

  /**
   * An allocation site names a new object each time it runs (recency abstraction): facts about the
   * object it made on an earlier loop iteration or call are not about this one.
   */
  private void forgetEarlierObject(Place fresh, RegionState s) {
    s.removeIf(
        f ->
            Place.isWithin(f.region(), fresh.id())
                || f instanceof Fact.AddressSpaceLive a
                    && Place.isWithin(a.addressSpace(), fresh.id()));
  }

  private Place followCall(Stmt.Call c, List<Place> args, RegionState s) {
    if (c.through() != null) return followField(c, args, s);
    Function callee = flow.program.resolve(c.callee(), f.file());
    if (callee == null || !flow.follows(callee, ctx)) {
      // Device code the replay does not enter may keep what it is given (a listener's section
      // list),
      // unless its body shows it does not (memory_region_is_ram() reads a field).
      if (callee != null) {
        for (int i = 0; i < args.size(); i++) {
          if (flow.kept.mayKeep(callee, i)) References.stored(s, args.get(i), false);
        }
      }
      Place made = fresh(c);
      forgetEarlierObject(made, s);
      return made;
    }
    RegionState calleeEntry = s.withoutLocals();
    RegionFlow.Exit exit = flow.summary(callee, args, calleeEntry, s.globalsKey(), this, c.loc());
    if (exit.state() == null) return fresh(c);
    s.adoptGlobals(exit.state());
    References.calleeReturned(s);
    // Which of the callee's returns was taken is the caller's test of its result, which is not
    // modelled: only a callee that reports an error on every path leaves the caller failing.
    if (exit.succeeded() != null) s.removeIf(fact -> fact instanceof Fact.ErrorReported);
    return exit.returned().isUnknown() ? fresh(c) : exit.returned();
  }

  /**
   * A call through a field: each function stored in it is analyzed from the caller's state and
   * their outcomes are joined, as branches are; the call's value is unknown.
   */
  private Place followField(Stmt.Call c, List<Place> args, RegionState s) {
    RegionState joined = null;
    boolean succeeds = false;
    Set<String> targets = flow.callGraph.fieldTargets(f, c, ctx.device());
    for (String key : targets) {
      Function callee = flow.program.function(key);
      if (callee == null || !flow.follows(callee, ctx)) continue;
      RegionState calleeEntry = s.withoutLocals();
      RegionFlow.Exit exit = flow.summary(callee, args, calleeEntry, s.globalsKey(), this, c.loc());
      if (exit.state() == null) continue;
      succeeds |= exit.succeeded() != null;
      if (joined == null) joined = exit.state().copy();
      else joined.join(exit.state());
    }
    if (joined != null) s.adoptGlobals(joined);
    if (succeeds) s.removeIf(fact -> fact instanceof Fact.ErrorReported);
    Place made = fresh(c);
    forgetEarlierObject(made, s);
    return made;
  }

  /** The region the modelled call {@code c} initializes, if it does. */
  Place regionInitializedBy(Stmt.Call c, List<Place> args, Place result) {
    FunctionModel fm = flow.model.function(c.callee()).orElseThrow();
    for (Operation<Operand> e : fm.effects())
      if (e instanceof Operation.Init<Operand> i) return operand(i.region(), args, result);
    return Place.UNKNOWN;
  }

  /** The calls that led here, after the run-time callbacks that ran before the replay. */
  private List<TraceStep> chain() {
    if (flow.history.isEmpty()) return ctx.chain();
    List<TraceStep> out = new ArrayList<>(flow.history);
    out.addAll(ctx.chain());
    return out;
  }

  /** The field guards in force at the node being transferred. */
  Set<String> guards() {
    return flow.guards.at(f, node);
  }

  void observe(
      Operation<Operand> e,
      Stmt.Call c,
      Place subject,
      Place other,
      RegionState s,
      OwnerShape shape) {
    flow.sink.accept(
        new Observation(
            e,
            c.callee(),
            subject,
            other,
            c.loc(),
            f.name(),
            ctx.phase(),
            ctx.device(),
            chain(),
            s.copy(),
            f.key() + "#" + node + (walkedRegion == null ? "" : "~" + walkedRegion),
            shape,
            e instanceof Operation.Init && madeWhereBlank(subject, s),
            guards(),
            flow.constantWrites.after(f, node, resultOf(e, c)),
            conditions()));
  }

  /**
   * Where the call stored a result the model knows is not NULL when the witness' step happened: a
   * mapping's buffer, a lookup's section (its region).
   */
  private static AccessPath resultOf(Operation<Operand> e, Stmt.Call c) {
    if (c.result() == null) return null;
    if (e instanceof Operation.AddressSpaceMap) return c.result();
    if (e instanceof Operation.Find) return c.result().field("mr");
    return null;
  }

  /**
   * Every condition on every path to the node, in a stable order, then those its callers passed on
   * the way here.
   */
  private List<PathCondition> conditions() {
    List<PathCondition> own = ownConditions();
    if (ctx.callerConditions().isEmpty()) return own;
    List<PathCondition> all = new ArrayList<>(own);
    all.addAll(ctx.callerConditions());
    return all;
  }

  /** Every condition on every path to the node within this function, in a stable order. */
  List<PathCondition> ownConditions() {
    return flow.conditions.at(f, node).stream()
        .sorted(Comparator.comparing(PathCondition::shown).thenComparing(PathCondition::holds))
        .toList();
  }

  /** Whether every path here tested a member of {@code region} null or zero ("not made yet"). */
  private boolean madeWhereBlank(Place region, RegionState s) {
    if (region.isUnknown()) return false;
    for (AccessPath tested : flow.blankTests.at(f, node)) {
      if (region.equals(place(new Value.Path(tested), s))) return true;
    }
    return false;
  }

  /**
   * {@code OBJECT(mr)->free = fn}: QOM casts are looked through, so this is a store to {@code
   * mr.free}; MemoryRegion has no member of that name, so the store is to the Object header.
   */
  private void freeHook(Stmt.Assign a, RegionState s) {
    AccessPath t = a.target();
    if (t.steps().isEmpty() || !t.lastStep().equals("free")) return;
    Value.Path prefix =
        new Value.Path(
            new AccessPath(t.kind(), t.root(), t.steps().subList(0, t.steps().size() - 1)));
    String type = flow.ownerShapes.staticType(f, prefix);
    Place region = place(prefix, s);
    if (type == null && !region.isUnknown())
      type = flow.ownerShapes.placeType(region.id(), ctx.device());
    if (region.isUnknown() || flow.qom.ofStruct(type) != QomClasses.Kind.REGION) return;
    flow.freeHookSink.accept(
        new FreeHookOverride(
            region,
            a.value().toString(),
            a.loc(),
            f.name(),
            ctx.phase(),
            ctx.device(),
            chain(),
            s.copy()));
  }

  private void assume(Stmt.Assume a, RegionState s) {
    String type = flow.typeTests.tested(a.cond(), f, v -> place(v, s));
    if (type != null) s.fieldTested(type, a.holds());
    if (a.cond() instanceof Value.Path p) {
      String field = testedField(p.path(), s);
      if (field != null) s.fieldTested(field, a.holds());
    }
    // if (*errp) after ERRP_GUARD(): a callee reported the error through the hook's own errp.
    if (a.holds()
        && a.cond() instanceof Value.Path p
        && p.path().steps().isEmpty()
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
    Optional<FunctionModel> fm = flow.model.function(cr.callee());
    if (fm.isEmpty()) return;
    List<Place> args = new ArrayList<>();
    for (Value v : cr.args()) args.add(place(v, s));
    for (Operation<Operand> e : fm.get().effects()) {
      if (e instanceof Operation.TestsMapped<Operand> t) {
        Place region = operand(t.region(), args, Place.UNKNOWN);
        s.removeIf(f -> f instanceof Fact.Mapped && f.region().equals(region.id()));
      }
    }
  }

  /**
   * {@code if (*errp)}, {@code if (err)}, {@code if (local_err)}: the last call reported an error.
   */
  private boolean isErrorCheck(Value cond) {
    if (!(cond instanceof Value.Path p) || !p.path().steps().isEmpty()) return false;
    String name = p.path().root();
    String type = f.localTypes().getOrDefault(name, "");
    return type.equals("Error")
        || name.equals("errp")
        || name.equals("err")
        || name.equals("local_err");
  }

  /**
   * The region a {@code memory_region_init*} condition initialized: {@code if
   * (!memory_region_init_rom(..))}.
   */
  private Place initRegion(Value.CallResult call, RegionState s) {
    Optional<FunctionModel> fm = flow.model.function(call.callee());
    if (fm.isEmpty()) return null;
    for (Operation<Operand> e : fm.get().effects()) {
      if (e instanceof Operation.Init<Operand> i
          && i.region() instanceof Operand.Arg a
          && a.index() < call.args().size()) {
        return place(call.args().get(a.index()), s);
      }
    }
    return null;
  }

  /**
   * The place an effect's operand names at a call with arguments {@code args} and result {@code
   * result}.
   */
  static Place operand(Operand o, List<Place> args, Place result) {
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
        // *page = dma_memory_map(..): the IR drops the *, but the caller reads the buffer through
        // page.
        Place param = s.local(target.root());
        References.stored(s, value, param != null && Place.isWithin(param.id(), Place.SELF));
      }
      if (value != null) flow.ownerShapes.allocated(value.id(), f.localTypes().get(target.root()));
      Place old = s.local(target.root());
      if (old != null && !old.isUnknown() && !old.isNull())
        References.pointerOverwritten(s, old.id());
      s.bindLocal(target.root(), value);
      return;
    }
    String id = unaliasedId(target, s);
    // s->buf = g_new0(Buf, 1): what the site made has the field's type, as it would a local's.
    if (value != null)
      flow.ownerShapes.allocated(
          value.id(), flow.ownerShapes.staticType(f, new Value.Path(target)));
    References.stored(s, value, id != null && Place.isWithin(id, Place.SELF));
    if (id == null) return;
    References.pointerOverwritten(s, id);
    References.pointerOverwritten(s, s.alias(id));
    if (value == null || value.isUnknown() || value.isNull()) s.setAlias(id, null);
    else if (!value.id().equals(id)) s.setAlias(id, value.id());
  }

  private boolean isParam(String name) {
    return f.params().stream().anyMatch(p -> p.name().equals(name));
  }

  /**
   * The id of a store target: its prefix resolved through aliases, the last step kept as written.
   */
  private String unaliasedId(AccessPath target, RegionState s) {
    if (target.steps().isEmpty()) return "g:" + target.root();
    AccessPath prefix =
        new AccessPath(
            target.kind(), target.root(), target.steps().subList(0, target.steps().size() - 1));
    Place p = pathPlace(prefix, s);
    return p.isUnknown() ? null : p.id() + "." + target.lastStep();
  }

  Place place(Value v, RegionState s) {
    if (v instanceof Value.Null n)
      return n.text().equals(Place.NULL.shown())
          ? Place.NULL
          : new Place(Place.NULL.id(), n.text());
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
    List<String> steps = ap.steps();
    for (int i = 0; i < steps.size(); i++) {
      String step = steps.get(i);
      if (QemuLists.isHeadLink(step)) {
        id = id + "." + QemuLists.ELEMENT; // head->lh_first: the list's summarized element
      } else if (QemuLists.isNextLink(step)
          && id.endsWith("." + QemuLists.ELEMENT + "." + steps.get(i - 1 < 0 ? 0 : i - 1))) {
        id =
            id.substring(
                0,
                id.length()
                    - steps.get(i - 1).length()
                    - 1); // elem->next.le_next: the same summary
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
    return new Place(
        "new@" + l.file() + ":" + l.line() + ":" + l.column() + "#" + (ctx.stack().size() - 1),
        c.callee() + "(...)");
  }
}
