package dev.mrcheck.selftest;

import dev.mrcheck.model.Operation;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small generated device: a state struct with regions and address spaces, and for each lifecycle
 * hook a list of statements over the memory API. Renderers turn it into source, the {@link
 * ModelOracle} executes it. Statements are compared by identity (a renderer maps each to its line),
 * so a program is never built by sharing one statement object in two places.
 *
 * @param hotPluggable a PCI device (unrealized at unplug) rather than a sysbus one
 * @param helpers bodies of helper functions {@code <name>_helperN(s)}, called by {@link CallHelper}
 * @param runtime the body of the device's MMIO write handler: run-time code, which QEMU runs (any
 *     number of times, perhaps never) after realize while the device lives. C: {@code static void
 *     selftest_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)} starting with {@code
 *     SelftestState *s = opaque;}, dispatched through {@code selftest_ops}.
 * @param reads the body of the MMIO read handler, a second run-time callback ({@code static
 *     uint64_t selftest_read(void *opaque, hwaddr addr, unsigned size)}): QEMU runs the two in any
 *     order ({@link CallbackSequences}). Rendered in C only.
 * @param factory a plain QOM object the device makes with a factory, or null. Rendered in C only.
 */
public record DeviceProgram(
    boolean hotPluggable,
    List<RegionField> regions,
    int addressSpaces,
    Map<Role, List<Stmt>> hooks,
    List<List<Stmt>> helpers,
    List<Stmt> runtime,
    List<Stmt> reads,
    PlainObject factory) {

  /** The lifecycle hooks a generated device has, in the order they run. */
  public static final List<Role> HOOKS =
      List.of(Role.INSTANCE_INIT, Role.REALIZE, Role.UNREALIZE, Role.INSTANCE_FINALIZE);

  public DeviceProgram {
    regions = List.copyOf(regions);
    Map<Role, List<Stmt>> copy = new EnumMap<>(Role.class);
    hooks.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    hooks = copy;
    helpers = helpers.stream().map(List::copyOf).toList();
    runtime = List.copyOf(runtime);
    reads = List.copyOf(reads);
  }

  /**
   * A program of a device with these fields and no code yet: set what it has with the builder's
   * methods ({@code device(true, regions, 0).hooks(h).runtime(body).build()}).
   */
  public static Builder device(boolean hotPluggable, List<RegionField> regions, int addressSpaces) {
    return new Builder(hotPluggable, regions, addressSpaces);
  }

  /** A builder holding everything this program has, to build it again with a part replaced. */
  public Builder toBuilder() {
    return device(hotPluggable, regions, addressSpaces)
        .hooks(hooks)
        .helpers(helpers)
        .runtime(runtime)
        .reads(reads)
        .factory(factory);
  }

  /** The same program with another run-time body. */
  public DeviceProgram withRuntime(List<Stmt> body) {
    return toBuilder().runtime(body).build();
  }

  /** The same program with other hooks and helpers. */
  public DeviceProgram withCode(Map<Role, List<Stmt>> newHooks, List<List<Stmt>> newHelpers) {
    return toBuilder().hooks(newHooks).helpers(newHelpers).build();
  }

  /** The same program with another read handler body. */
  public DeviceProgram withReads(List<Stmt> body) {
    return toBuilder().reads(body).build();
  }

  /** The same program with another factory-made object (null: none). */
  public DeviceProgram withFactory(PlainObject object) {
    return toBuilder().factory(object).build();
  }

  /**
   * Builds a {@link DeviceProgram}: the device's fields are given up front, its code part by part;
   * a part not given is empty (no hooks, helpers or run-time code, no factory-made object).
   */
  public static final class Builder {
    private final boolean hotPluggable;
    private final List<RegionField> regions;
    private final int addressSpaces;
    private Map<Role, List<Stmt>> hooks = Map.of();
    private List<List<Stmt>> helpers = List.of();
    private List<Stmt> runtime = List.of();
    private List<Stmt> reads = List.of();
    private PlainObject factory;

    private Builder(boolean hotPluggable, List<RegionField> regions, int addressSpaces) {
      this.hotPluggable = hotPluggable;
      this.regions = regions;
      this.addressSpaces = addressSpaces;
    }

    public Builder hooks(Map<Role, List<Stmt>> hooks) {
      this.hooks = hooks;
      return this;
    }

    public Builder helpers(List<List<Stmt>> helpers) {
      this.helpers = helpers;
      return this;
    }

    /** The MMIO write handler's body. */
    public Builder runtime(List<Stmt> runtime) {
      this.runtime = runtime;
      return this;
    }

    /** The MMIO read handler's body. */
    public Builder reads(List<Stmt> reads) {
      this.reads = reads;
      return this;
    }

    /** The plain QOM object the device makes with a factory (null: none). */
    public Builder factory(PlainObject factory) {
      this.factory = factory;
      return this;
    }

    public DeviceProgram build() {
      return new DeviceProgram(
          hotPluggable, regions, addressSpaces, hooks, helpers, runtime, reads, factory);
    }
  }

  /**
   * What the Java renderings can say of this program: the read handler and the factory-made object
   * are rendered in C only.
   */
  public DeviceProgram withoutCOnlyParts() {
    return reads.isEmpty() && factory == null ? this : withReads(List.of()).withFactory(null);
  }

  /**
   * Address space {@code as1} is heap-allocated ({@code AddressSpace *as1;}, {@code s->as1 =
   * g_new0(AddressSpace, 1);} just before its init, used as {@code s->as1}), so that it can be
   * freed; the others are embedded ({@code AddressSpace asN;}, used as {@code &s->asN}).
   */
  public static boolean heapSpace(int space) {
    return space == 1;
  }

  public List<Stmt> hook(Role role) {
    return hooks.getOrDefault(role, List.of());
  }

  /**
   * Whether any statement (helpers included) branches: then only "no unreproducible finding" is
   * required. A {@link Guard} does not count: its outcome is the program's own state, or an input
   * the model explores both ways as the analysis does (docs/selftest.md#guards).
   */
  public boolean branching() {
    return statements().stream().anyMatch(s -> s instanceof IfError);
  }

  /**
   * Whether the program tests or writes its state fields ({@link Guard}, {@link StateFieldWrite}).
   */
  public boolean guarded() {
    return statements().stream().anyMatch(s -> s instanceof Guard || s instanceof StateFieldWrite);
  }

  /**
   * Every statement of the program: hooks in the order they run, helpers, run-time code, each
   * branch after the statement that opens it.
   */
  public List<Stmt> statements() {
    List<Stmt> out = new ArrayList<>();
    for (Role role : HOOKS) flatten(hook(role), out);
    for (List<Stmt> b : helpers) flatten(b, out);
    flatten(runtime, out);
    flatten(reads, out);
    return out;
  }

  private static void flatten(List<Stmt> body, List<Stmt> out) {
    for (Stmt s : body) {
      out.add(s);
      if (s instanceof IfError e) flatten(e.then(), out);
      if (s instanceof Guard g) {
        flatten(g.then(), out);
        flatten(g.otherwise(), out);
      }
    }
  }

  /** Whether {@code role}'s hook, or a helper it calls, initializes address space {@code space}. */
  boolean initializesSpace(Role role, int space) {
    List<Stmt> reached = new ArrayList<>();
    reach(hook(role), reached, new HashSet<>());
    return reached.stream()
        .anyMatch(
            s ->
                s instanceof ApiCall c
                    && c.operation() instanceof Operation.AddressSpaceInit<Slot> i
                    && Slot.space(i.addressSpace()) == space);
  }

  private void reach(List<Stmt> body, List<Stmt> out, Set<Integer> helpersSeen) {
    List<Stmt> flat = new ArrayList<>();
    flatten(body, flat);
    for (Stmt s : flat) {
      out.add(s);
      if (s instanceof CallHelper h && helpersSeen.add(h.helper()))
        reach(helpers.get(h.helper()), out, helpersSeen);
    }
  }

  /** Number of statements, helpers and branches included: the size a shrinker reduces. */
  public int size() {
    return statements().size();
  }

  /** How a region field is stored in the state struct. */
  public enum Shape {
    /** {@code MemoryRegion name;}, used as {@code &s->name}. */
    EMBEDDED,
    /** {@code MemoryRegion *name;}, allocated with {@code g_new0} just before its init. */
    HEAP,
    /**
     * {@code MemoryRegion name[2];}, always used as {@code &s->name[1]} (the analysis summarizes
     * arrays).
     */
    ARRAY
  }

  public record RegionField(String name, Shape shape) {}

  /**
   * One statement of a hook or helper body: a call of the memory API, or the self-test's own
   * control flow.
   */
  public sealed interface Stmt permits ApiCall, CallHelper, IfError, Guard, StateFieldWrite {}

  /**
   * A memory-API call. What each operation names ({@link Slot}): an init a {@link Slot.RegionAt}
   * owned by {@link Slot.Fixed#SELF}, {@link Slot.Fixed#PEER}, null (NULL) or (the MR009 misuse)
   * the region itself, aliasing a region or null; an add/del a region and a region or {@link
   * Slot.Fixed#SYSTEM_MEMORY}; ref, unparent a region; an unref a region or a {@link
   * Slot.SectionAt} ({@code memory_region_unref(secN.mr)}); a free a heap region, or with {@code
   * addressSpace} the heap address space ({@link #heapSpace}: C {@code g_free(s->as1)}, with {@code
   * rcu} {@code g_free_rcu(s->as1, rcu)}); an address space's init a {@link Slot.SpaceAt} over a
   * region or system memory, its destroy (never {@code frees}) the space; a find a section (C
   * {@code secN = memory_region_find(get_system_memory(), 0x100000, 4);}, with {@code
   * MemoryRegionSection secN;} declared at the top of the function: it finds a region of the peer
   * object mapped in system memory, whose reference the section's {@code .mr} carries). Other
   * operations are never generated ({@link GeneratedOperations}).
   */
  public record ApiCall(Operation<Slot> operation) implements Stmt {}

  public record CallHelper(int helper) implements Stmt {}

  /**
   * {@code if (s->fail<flag>) { then...; return; }}: an error path that leaves the function early.
   */
  public record IfError(int flag, List<Stmt> then) implements Stmt {
    public IfError {
      then = List.copyOf(then);
    }
  }

  /** {@code memory_region_init*} of region {@code region}; {@code aliasOf} -1 for no alias. */
  public static ApiCall init(int region, RegionKind kind, Slot owner, int aliasOf) {
    return call(
        new Operation.Init<>(
            new Slot.RegionAt(region),
            owner,
            kind,
            aliasOf < 0 ? null : new Slot.RegionAt(aliasOf)));
  }

  public static ApiCall addSubregion(Slot container, int region) {
    return call(new Operation.Map<>(new Slot.RegionAt(region), container, null));
  }

  public static ApiCall delSubregion(Slot container, int region) {
    return call(new Operation.Unmap<>(new Slot.RegionAt(region), container));
  }

  public static ApiCall ref(int region) {
    return call(new Operation.Ref<>(new Slot.RegionAt(region), false));
  }

  public static ApiCall unref(int region) {
    return call(new Operation.Unref<>(new Slot.RegionAt(region)));
  }

  /** {@code object_unparent(OBJECT(region))}. */
  public static ApiCall unparent(int region) {
    return call(new Operation.Unparent<>(new Slot.RegionAt(region)));
  }

  /** {@code g_free(s->region)} of a heap region. */
  public static ApiCall free(int region) {
    return call(new Operation.Free<>(new Slot.RegionAt(region), false, false));
  }

  /**
   * {@code address_space_init(&s->asN, root, "selftest-asN")}; root is one of the device's regions
   * or {@link Slot.Fixed#SYSTEM_MEMORY}: {@code get_system_memory()}, a root the device does not
   * own.
   */
  public static ApiCall addressSpaceInit(int space, Slot root) {
    return call(new Operation.AddressSpaceInit<>(new Slot.SpaceAt(space), root));
  }

  public static ApiCall addressSpaceDestroy(int space) {
    return call(new Operation.AddressSpaceDestroy<>(new Slot.SpaceAt(space), false));
  }

  /**
   * Frees the heap address space ({@link #heapSpace}). After an address_space_destroy either loses
   * the destroy (MR007); address_space_destroy_free is the fix.
   */
  public static ApiCall freeAddressSpace(int space, boolean rcu) {
    return call(new Operation.Free<>(new Slot.SpaceAt(space), rcu, true));
  }

  public static ApiCall find(int section) {
    return call(new Operation.Find<>(new Slot.SectionAt(section)));
  }

  /** Drops a {@link #find}'s reference: C {@code memory_region_unref(secN.mr);}. */
  public static ApiCall unrefFound(int section) {
    return call(new Operation.Unref<>(new Slot.SectionAt(section)));
  }

  /** A g_free or g_free_rcu of the heap address space. */
  static boolean freesSpace(Operation<Slot> op) {
    return op instanceof Operation.Free<Slot> f && f.addressSpace();
  }

  /** A memory_region_unref of a region field (not of a section's region). */
  static boolean unrefOfField(Operation<Slot> op) {
    return op instanceof Operation.Unref<Slot> u && u.target() instanceof Slot.RegionAt;
  }

  private static ApiCall call(Operation<Slot> operation) {
    return new ApiCall(operation);
  }
}
