package dev.mrcheck.selftest;

import dev.mrcheck.model.Operation;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import dev.mrcheck.selftest.DeviceProgram.ApiCall;
import dev.mrcheck.selftest.DeviceProgram.CallHelper;
import dev.mrcheck.selftest.DeviceProgram.IfError;
import dev.mrcheck.selftest.DeviceProgram.RegionField;
import dev.mrcheck.selftest.DeviceProgram.Shape;
import dev.mrcheck.selftest.DeviceProgram.Stmt;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Generates small device programs from a {@link Choices} source. The generator follows the main
 * path (no error branch taken) with a rough idea of each region's state, so that most calls are
 * plausible (a region is initialized before it is mapped, deleted only from where it is mapped);
 * what it leaves out or adds at random (a missing unref, an unparent before the del, a mapping into
 * system memory from instance_init) are the bugs the rules are about. Error branches and reused
 * helpers run in other states, which is where path-sensitive mistakes come from.
 */
public final class ProgramGenerator {
  private static final RegionKind[] KINDS = {
    RegionKind.IO, RegionKind.CONTAINER, RegionKind.RAM, RegionKind.ALIAS
  };
  private static final Shape[] SHAPES = Shape.values();

  /** The device, the machine (NULL), another object. */
  private static final Slot[] OWNERS = {Slot.Fixed.SELF, null, Slot.Fixed.PEER};

  /** Upper bounds that keep programs small and their paths few. */
  public record Limits(int maxRegions, int maxStatements, int maxBranches, boolean branches) {
    public static final Limits DEFAULT = new Limits(4, 6, 3, true);

    public Limits straightLine() {
      return new Limits(maxRegions, maxStatements, 0, false);
    }
  }

  /** {@code spaceRoot} of an address space over system memory. */
  private final Limits limits;

  /** Draws of the run-time handler's body before one that cannot run again is kept. */
  private static final int RUNTIME_ATTEMPTS = 4;

  /** Programs with run-time code (the write handler), in percent. */
  private static final int RUNTIME_CODE = 40;

  /** Programs with run-time code that get a second callback (the read handler), in percent. */
  private static final int SECOND_CALLBACK = 80;

  /** Draws of the read handler's body before the program goes without one. */
  private static final int READS_ATTEMPTS = 8;

  public ProgramGenerator(Limits limits) {
    this.limits = limits;
  }

  public DeviceProgram generate(Choices c) {
    return new Run(c).program();
  }

  /** What the generator believes about a region on the main path. */
  private final class Run {
    final Choices c;
    final boolean hotPluggable;
    final List<RegionField> fields = new ArrayList<>();
    final GeneratorState state = new GeneratorState(2);
    // Short names for the state the draws read and change.
    final List<GeneratorState.Region> regions = state.regions;
    final int spaces = state.spaces;
    final boolean[] spaceLive = state.spaceLive;
    final int[] spaceRoot = state.spaceRoot;
    final boolean[] spaceDestroyed = state.spaceDestroyed;

    /**
     * memory_region_find sections of the function being generated that still hold their reference.
     */
    List<Integer> openSections = new ArrayList<>();

    int sections;

    /** Generating a helper's body: its locals would die with the helper, so no sections there. */
    boolean inHelper;

    /**
     * Generating the read handler's body: it makes no region or address space (run again in any
     * order with the write handler, one that does is mostly undefined C), it maps, unmaps, takes
     * and drops references, finds and destroys what realize made.
     */
    boolean inReads;

    final List<List<Stmt>> helpers = new ArrayList<>();

    final Map<Integer, List<Integer>> aliasOf = state.aliasOf;

    int branches;
    Role role;

    Run(Choices c) {
      this.c = c;
      this.hotPluggable = !c.chance(30);
      int n = 1 + c.next(limits.maxRegions());
      for (int i = 0; i < n; i++) {
        fields.add(new RegionField("r" + i, SHAPES[c.chance(60) ? 0 : 1 + c.next(2)]));
        regions.add(new GeneratorState.Region());
      }
    }

    DeviceProgram program() {
      Map<Role, List<Stmt>> hooks = new EnumMap<>(Role.class);
      List<Stmt> runtime = List.of();
      List<Stmt> reads = List.of();
      for (Role r : DeviceProgram.HOOKS) {
        role = r;
        openSections = new ArrayList<>();
        hooks.put(r, body(c.next(limits.maxStatements() + 1), 0));
        if (r == Role.REALIZE && c.chance(RUNTIME_CODE)) {
          runtime = runtime();
          if (c.chance(SECOND_CALLBACK)) reads = reads(runtime);
        }
      }
      PlainObject factory = c.chance(FactoryObjects.SHARE) ? FactoryObjects.draw(c) : null;
      GuardedPairs.Pair pair = GuardedPairs.draw(c, fields.size());
      if (pair == GuardedPairs.Pair.NONE) {
        return DeviceProgram.device(hotPluggable, fields, spaces)
            .hooks(hooks)
            .helpers(helpers)
            .runtime(runtime)
            .reads(reads)
            .factory(factory)
            .build();
      }
      hooks.replaceAll(pair::around);
      List<Stmt> handler = new ArrayList<>(runtime);
      handler.addAll(pair.runtimeEnd());
      List<RegionField> all = new ArrayList<>(fields);
      all.addAll(pair.regions());
      return DeviceProgram.device(hotPluggable, all, spaces)
          .hooks(hooks)
          .helpers(helpers)
          .runtime(handler)
          .reads(reads)
          .factory(factory)
          .build();
    }

    /**
     * The MMIO read handler's body, a second run-time callback drawn as the write handler is, from
     * the state after realize. The model runs every order of the two up to {@link
     * ModelOracle#MAX_INVOCATIONS} invocations ({@link CallbackSequences}): a body that makes one
     * of them undefined is drawn again, and none is kept if every draw does.
     */
    List<Stmt> reads(List<Stmt> writes) {
      Saved saved = save();
      role = null;
      List<Stmt> body = List.of();
      for (int attempt = 0; attempt < READS_ATTEMPTS; attempt++) {
        Saved start = save();
        openSections = new ArrayList<>();
        inReads = true;
        List<Stmt> drawn = body(1 + c.next(3), 1);
        inReads = false;
        restoreCopy(start);
        if (everyOrderRuns(writes, drawn, start)) {
          body = drawn;
          break;
        }
      }
      restore(saved);
      role = Role.REALIZE;
      return body;
    }

    /**
     * Whether every sequence of the two bodies up to the model's bound is defined from start, as
     * far as the read handler is concerned.
     */
    boolean everyOrderRuns(List<Stmt> writes, List<Stmt> reads, Saved start) {
      List<List<Stmt>> bodies = writes.isEmpty() ? List.of(reads) : List.of(writes, reads);
      List<List<List<Stmt>>> sequences = new ArrayList<>();
      sequences.add(List.of());
      for (int n = 1; n <= ModelOracle.MAX_INVOCATIONS; n++) {
        List<List<List<Stmt>>> longer = new ArrayList<>();
        for (List<List<Stmt>> seq : sequences) {
          for (List<Stmt> b : bodies) {
            List<List<Stmt>> next = new ArrayList<>(seq);
            next.add(b);
            longer.add(next);
            if (!runs(next, reads, start)) return false;
          }
        }
        sequences = longer;
      }
      return true;
    }

    /**
     * The MMIO write handler's body, from the state after realize. QEMU may run it any number of
     * times or never, so unrealize is generated as if it had not run (the state is restored); no
     * helpers and no branches there, to keep run-time code to what the analysis judges on its own.
     * The model runs it up to {@link ModelOracle#MAX_INVOCATIONS} times in a row: a body that could
     * not run again from the state it leaves (it initializes storage it keeps live, destroys an
     * address space it does not make again) is undefined C from its second run on, and is drawn
     * again a few times before it is kept.
     */
    List<Stmt> runtime() {
      Saved saved = save();
      role = null;
      List<Stmt> body = List.of();
      for (int attempt = 0; attempt < RUNTIME_ATTEMPTS; attempt++) {
        Saved start = save();
        openSections = new ArrayList<>();
        body = body(1 + c.next(limits.maxStatements()), 1);
        boolean again = true;
        for (int run = 1; run < ModelOracle.MAX_INVOCATIONS && again; run++) {
          GeneratorState.Rerun rerun = state.new Rerun();
          for (Stmt st : body) again &= ((ApiCall) st).operation().accept(rerun);
        }
        if (again) break;
        restore(start);
      }
      restore(saved);
      role = Role.REALIZE;
      return body;
    }

    List<Stmt> body(int count, int depth) {
      List<Stmt> out = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Stmt s = statement(depth);
        if (s != null) out.add(s);
      }
      return out;
    }

    Stmt statement(int depth) {
      if (limits.branches() && depth == 0 && branches < limits.maxBranches() && c.chance(12)) {
        branches++;
        int flag = branches;
        // The error path runs in a copy of the state; the main path goes on as if it were not
        // taken.
        Saved saved = save();
        List<Stmt> then = body(c.next(3), depth + 1);
        restore(saved);
        return new IfError(flag, then);
      }
      if (depth == 0 && c.chance(10)) {
        // A helper is called again only if it creates nothing: re-initializing a live region or
        // address
        // space is not a pattern.
        List<Integer> reusable = new ArrayList<>();
        for (int h = 0; h < helpers.size(); h++) {
          if (helpers.get(h).stream().noneMatch(ProgramGenerator::creates)) reusable.add(h);
        }
        if (!reusable.isEmpty() && c.chance(25)) {
          int h = reusable.get(c.next(reusable.size()));
          // Its calls happen again: the main path's state must know (a region it unparents is
          // gone).
          helpers.get(h).forEach(st -> ((ApiCall) st).operation().accept(state.new Replay()));
          return new CallHelper(h);
        }
        int index = helpers.size();
        helpers.add(List.of());
        inHelper = true;
        helpers.set(index, body(1 + c.next(3), depth + 1));
        inHelper = false;
        return new CallHelper(index);
      }
      return apiCall();
    }

    /** One plausible call for the current state, weighted by what the hook usually does. */
    Stmt apiCall() {
      List<Supplier<Stmt>> options = inReads ? readOptions() : new ArrayList<>();
      if (inReads) return pickOption(options);
      // Nothing is created in instance_finalize: the object is already half gone
      // (docs/lifetime.md#phases).
      boolean finalize = role == Role.INSTANCE_FINALIZE;
      int w = role == Role.UNREALIZE || finalize ? 1 : 4;
      if (!finalize && !inReads) add(options, w, this::init);
      add(options, w, this::addSubregion);
      add(options, role == Role.UNREALIZE ? 4 : 1, this::delSubregion);
      add(options, 1, this::ref);
      add(options, role == Role.UNREALIZE ? 3 : 1, this::unref);
      add(options, role == Role.REALIZE ? 1 : 2, this::unparent);
      add(options, role == Role.INSTANCE_FINALIZE ? 4 : 1, this::free);
      if (!finalize && !inReads) add(options, 1, this::addressSpaceInit);
      add(options, role == Role.UNREALIZE ? 3 : 1, this::addressSpaceDestroy);
      add(options, 1, this::freeAddressSpace);
      if (!inHelper) {
        add(options, 1, this::find);
        add(options, 2, this::unrefFound);
      }
      return pickOption(options);
    }

    /**
     * What a read handler does: it makes and destroys nothing, it maps a window and unmaps it
     * again, takes a reference and drops it, finds a section and drops its reference (or forgets
     * one half: the bugs). Such a body can run again, in any order with the write handler.
     */
    List<Supplier<Stmt>> readOptions() {
      List<Supplier<Stmt>> options = new ArrayList<>();
      add(options, 2, this::addSubregion);
      add(options, 3, this::delSubregion);
      add(options, 1, this::ref);
      add(options, 2, this::unref);
      add(options, 2, this::find);
      add(options, 3, this::unrefFound);
      add(options, 1, this::unparent);
      return options;
    }

    Stmt pickOption(List<Supplier<Stmt>> options) {
      for (int attempt = 0; attempt < 4; attempt++) {
        Stmt s = options.get(c.next(options.size())).get();
        if (s != null) return s;
      }
      return null;
    }

    void add(List<Supplier<Stmt>> options, int weight, Supplier<Stmt> option) {
      for (int i = 0; i < weight; i++) options.add(option);
    }

    Integer pick(IntPredicate ok) {
      List<Integer> candidates = new ArrayList<>();
      for (int i = 0; i < regions.size(); i++) if (ok.test(i)) candidates.add(i);
      return candidates.isEmpty() ? null : candidates.get(c.next(candidates.size()));
    }

    Stmt init() {
      // Initializing storage that still holds a live region is undefined: only fresh or finalized
      // storage.
      Integer r =
          pick(
              i ->
                  !regions.get(i).live
                      && regions.get(i).mappedIn == null
                      && !regions.get(i).freed
                      && (!regions.get(i).everInit || regions.get(i).finalized));
      if (r == null) return null;
      RegionKind kind = KINDS[c.next(KINDS.length)];
      int aliasOf = -1;
      if (kind == RegionKind.ALIAS) {
        Integer target = pick(i -> i != r && regions.get(i).live);
        if (target == null) kind = RegionKind.IO;
        else aliasOf = target;
      }
      if (aliasOf >= 0) this.aliasOf.computeIfAbsent(aliasOf, k -> new ArrayList<>()).add(r);
      Slot owner = c.chance(70) ? Slot.Fixed.SELF : OWNERS[c.next(OWNERS.length)];
      // The MR009 mistake: OBJECT(mr) as the owner of mr (an alias is judged by what it aliases).
      if (kind != RegionKind.ALIAS && c.chance(4)) owner = new Slot.RegionAt(r);
      GeneratorState.Region s = regions.get(r);
      s.live = true;
      s.everInit = true;
      s.kind = kind;
      s.owner = owner;
      s.refs = 0;
      s.allocated = true;
      s.finalized = false;
      return DeviceProgram.init(r, kind, owner, aliasOf);
    }

    Stmt addSubregion() {
      Integer r = pick(i -> regions.get(i).live && regions.get(i).mappedIn == null);
      if (r == null) return null;
      List<Slot> containers = new ArrayList<>();
      containers.add(Slot.Fixed.SYSTEM_MEMORY);
      for (int i = 0; i < regions.size(); i++) {
        GeneratorState.Region s = regions.get(i);
        // A container is never put inside another one here: no loops, and no nesting to reason
        // about.
        if (i != r
            && s.live
            && s.kind == RegionKind.CONTAINER
            && regions.get(r).kind != RegionKind.CONTAINER) {
          containers.add(new Slot.RegionAt(i));
        }
      }
      Slot into =
          containers.get(
              containers.size() > 1 && c.chance(60) ? 1 + c.next(containers.size() - 1) : 0);
      regions.get(r).mappedIn = into;
      return DeviceProgram.addSubregion(into, r);
    }

    Stmt delSubregion() {
      Integer r = pick(i -> regions.get(i).mappedIn != null);
      if (r == null) return null;
      Slot from = regions.get(r).mappedIn;
      regions.get(r).mappedIn = null;
      return DeviceProgram.delSubregion(from, r);
    }

    Stmt ref() {
      Integer r = pick(i -> regions.get(i).live);
      if (r == null) return null;
      regions.get(r).refs++;
      return DeviceProgram.ref(r);
    }

    Stmt unref() {
      Integer r = pick(i -> regions.get(i).refs > 0);
      if (r == null) return null;
      regions.get(r).refs--;
      return DeviceProgram.unref(r);
    }

    Stmt unparent() {
      Integer r = pick(i -> regions.get(i).live);
      if (r == null) return null;
      GeneratorState.Region s = regions.get(r);
      s.live = false;
      s.finalized = s.mappedIn == null && s.refs == 0 && !state.isRoot(r) && !state.aliased(r);
      return DeviceProgram.unparent(r);
    }

    /**
     * Freeing a mapped region leaves its container pointing at freed memory, freeing one a
     * reference still holds (memory_region_ref on a region with an owner) leaves the holder
     * pointing at it: not patterns to judge.
     */
    Stmt free() {
      Integer r =
          pick(
              i ->
                  fields.get(i).shape() == Shape.HEAP
                      && regions.get(i).allocated
                      && regions.get(i).mappedIn == null
                      && (regions.get(i).refs == 0 || regions.get(i).owner == null));
      if (r == null) return null;
      GeneratorState.Region s = regions.get(r);
      s.allocated = false;
      s.live = false;
      s.freed = true;
      s.refs = 0;
      return DeviceProgram.free(r);
    }

    Stmt addressSpaceInit() {
      int as = c.next(spaces);
      // A DMA view of the whole machine: a root the device does not own (MR007 if never destroyed).
      Integer root =
          c.chance(25)
              ? Integer.valueOf(GeneratorState.SYSTEM_MEMORY_ROOT)
              : pick(i -> regions.get(i).live);
      if (spaceLive[as] || root == null) return null;
      spaceLive[as] = true;
      spaceDestroyed[as] = false;
      spaceRoot[as] = root;
      return DeviceProgram.addressSpaceInit(
          as,
          root == GeneratorState.SYSTEM_MEMORY_ROOT
              ? Slot.Fixed.SYSTEM_MEMORY
              : new Slot.RegionAt(root));
    }

    Stmt addressSpaceDestroy() {
      int as = c.next(spaces);
      if (!spaceLive[as]) return null;
      spaceLive[as] = false;
      spaceDestroyed[as] = true;
      return DeviceProgram.addressSpaceDestroy(as);
    }

    /**
     * g_free/g_free_rcu of the heap address space right after its destroy: always the MR007
     * mistake.
     */
    Stmt freeAddressSpace() {
      for (int as = 0; as < spaces; as++) {
        if (DeviceProgram.heapSpace(as) && spaceDestroyed[as]) {
          spaceDestroyed[as] = false;
          return DeviceProgram.freeAddressSpace(as, c.chance(50));
        }
      }
      return null;
    }

    Stmt find() {
      int n = sections++;
      openSections.add(n);
      return DeviceProgram.find(n);
    }

    Stmt unrefFound() {
      if (openSections.isEmpty()) return null;
      return DeviceProgram.unrefFound(openSections.remove(c.next(openSections.size())));
    }

    /** What an error branch or the run-time handler may change and the main path must not see. */
    record Saved(
        List<GeneratorState.Region> regions,
        boolean[] live,
        boolean[] destroyed,
        List<Integer> sections,
        Map<Integer, List<Integer>> aliases) {}

    Saved save() {
      Map<Integer, List<Integer>> aliases = new HashMap<>();
      aliasOf.forEach((k, v) -> aliases.put(k, new ArrayList<>(v)));
      return new Saved(
          snapshot(),
          spaceLive.clone(),
          spaceDestroyed.clone(),
          new ArrayList<>(openSections),
          aliases);
    }

    void restore(Saved saved) {
      for (int i = 0; i < regions.size(); i++) regions.set(i, saved.regions().get(i));
      System.arraycopy(saved.live(), 0, spaceLive, 0, spaces);
      System.arraycopy(saved.destroyed(), 0, spaceDestroyed, 0, spaces);
      openSections = saved.sections();
      aliasOf.clear();
      aliasOf.putAll(saved.aliases());
    }

    /**
     * Whether {@code sequence} runs from {@code start}, or fails only where the write handler runs
     * before any read (which the write handler's own draw judged).
     */
    boolean runs(List<List<Stmt>> sequence, List<Stmt> reads, Saved start) {
      restoreCopy(start);
      boolean readRan = false;
      for (List<Stmt> run : sequence) {
        GeneratorState.Rerun rerun = state.new Rerun();
        readRan |= run == reads;
        for (Stmt st : run) {
          if (!((ApiCall) st).operation().accept(rerun)) return !readRan;
        }
      }
      return true;
    }

    /** Restores {@code saved} and leaves it as it was, to restore again. */
    void restoreCopy(Saved saved) {
      restore(saved);
      restore(save());
    }

    List<GeneratorState.Region> snapshot() {
      List<GeneratorState.Region> copy = new ArrayList<>();
      for (GeneratorState.Region s : regions) {
        GeneratorState.Region t = new GeneratorState.Region();
        t.live = s.live;
        t.everInit = s.everInit;
        t.kind = s.kind;
        t.owner = s.owner;
        t.mappedIn = s.mappedIn;
        t.refs = s.refs;
        t.allocated = s.allocated;
        t.freed = s.freed;
        t.finalized = s.finalized;
        copy.add(t);
      }
      return copy;
    }
  }

  /** Whether a helper statement creates a region or address space (then it is not reused). */
  private static boolean creates(Stmt st) {
    return st instanceof ApiCall c
        && (c.operation() instanceof Operation.Init
            || c.operation() instanceof Operation.AddressSpaceInit);
  }
}
