package dev.mrcheck.selftest;

import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
 */
public record DeviceProgram(
    boolean hotPluggable,
    List<RegionField> regions,
    int addressSpaces,
    Map<Role, List<Stmt>> hooks,
    List<List<Stmt>> helpers,
    List<Stmt> runtime) {

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
  }

  /** A device without run-time code. */
  public DeviceProgram(
      boolean hotPluggable,
      List<RegionField> regions,
      int addressSpaces,
      Map<Role, List<Stmt>> hooks,
      List<List<Stmt>> helpers) {
    this(hotPluggable, regions, addressSpaces, hooks, helpers, List.of());
  }

  /** The same program with another run-time body. */
  public DeviceProgram withRuntime(List<Stmt> body) {
    return new DeviceProgram(hotPluggable, regions, addressSpaces, hooks, helpers, body);
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
   * required.
   */
  public boolean branching() {
    return statements().stream().anyMatch(s -> s instanceof IfError);
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
    return out;
  }

  private static void flatten(List<Stmt> body, List<Stmt> out) {
    for (Stmt s : body) {
      out.add(s);
      if (s instanceof IfError e) flatten(e.then(), out);
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

  /**
   * Who owns a region: the device, another object ({@code OBJECT(s->peer)}), the machine (NULL), or
   * (a misuse, MR009) the region itself: {@code OBJECT(&s->rN)} / {@code OBJECT(s->rN)}.
   */
  public enum Owner {
    SELF,
    OTHER,
    NONE,
    REGION
  }

  public record RegionField(String name, Shape shape) {}

  /**
   * A container operand (also an address space's root): one of the device's regions, or the
   * machine's system memory ({@code get_system_memory()}).
   */
  public record Container(int region) {
    public static final Container SYSTEM_MEMORY = new Container(-1);

    public boolean isSystemMemory() {
      return region < 0;
    }
  }

  /** One statement of a hook or helper body. */
  public sealed interface Stmt
      permits Init,
          AddSubregion,
          DelSubregion,
          Ref,
          Unref,
          Unparent,
          Free,
          AddressSpaceInit,
          AddressSpaceDestroy,
          FreeAddressSpace,
          Find,
          UnrefFound,
          CallHelper,
          IfError {
    /**
     * The one dispatch on the statements: a new statement adds a method to {@link Visitor}, naming
     * each renderer.
     */
    <R> R accept(Visitor<R> v);
  }

  /** One method per statement; see {@link Stmt#accept}. */
  public interface Visitor<R> {
    R visitInit(Init s);

    R visitAddSubregion(AddSubregion s);

    R visitDelSubregion(DelSubregion s);

    R visitRef(Ref s);

    R visitUnref(Unref s);

    R visitUnparent(Unparent s);

    R visitFree(Free s);

    R visitAddressSpaceInit(AddressSpaceInit s);

    R visitAddressSpaceDestroy(AddressSpaceDestroy s);

    R visitFreeAddressSpace(FreeAddressSpace s);

    R visitFind(Find s);

    R visitUnrefFound(UnrefFound s);

    R visitCallHelper(CallHelper s);

    R visitIfError(IfError s);
  }

  /**
   * {@code memory_region_init*}; {@code aliasOf} is the aliased region for {@link
   * RegionKind#ALIAS}, else -1.
   */
  public record Init(int region, RegionKind kind, Owner owner, int aliasOf) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitInit(this);
    }
  }

  public record AddSubregion(Container container, int region) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitAddSubregion(this);
    }
  }

  public record DelSubregion(Container container, int region) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitDelSubregion(this);
    }
  }

  public record Ref(int region) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitRef(this);
    }
  }

  public record Unref(int region) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitUnref(this);
    }
  }

  /** {@code object_unparent(OBJECT(region))}. */
  public record Unparent(int region) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitUnparent(this);
    }
  }

  /** {@code g_free(s->region)} of a heap region. */
  public record Free(int region) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitFree(this);
    }
  }

  /**
   * {@code address_space_init(&s->asN, root, "selftest-asN")}; root is one of the device's regions
   * or {@link Container#SYSTEM_MEMORY}'s index (-1): {@code get_system_memory()}, a root the device
   * does not own.
   */
  public record AddressSpaceInit(int space, int root) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitAddressSpaceInit(this);
    }

    public boolean overSystemMemory() {
      return root < 0;
    }
  }

  public record AddressSpaceDestroy(int space) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitAddressSpaceDestroy(this);
    }
  }

  /**
   * Frees the heap address space ({@link #heapSpace}): C {@code g_free(s->as1);}, or with {@code
   * rcu} {@code g_free_rcu(s->as1, rcu);} (AddressSpace's own {@code struct rcu_head rcu}). After
   * an address_space_destroy either loses the destroy (MR007); address_space_destroy_free is the
   * fix.
   */
  public record FreeAddressSpace(int space, boolean rcu) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitFreeAddressSpace(this);
    }
  }

  /**
   * {@code memory_region_find} into a local section of the function: C {@code secN =
   * memory_region_find(get_system_memory(), 0x100000, 4);}, with {@code MemoryRegionSection secN;}
   * declared at the top of the function. It finds a region of the peer object mapped in system
   * memory, and the section's {@code .mr} carries a reference (MR006 if the function returns
   * holding it).
   */
  public record Find(int section) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitFind(this);
    }
  }

  /** Drops a {@link Find}'s reference: C {@code memory_region_unref(secN.mr);}. */
  public record UnrefFound(int section) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitUnrefFound(this);
    }
  }

  public record CallHelper(int helper) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitCallHelper(this);
    }
  }

  /**
   * {@code if (s->fail<flag>) { then...; return; }}: an error path that leaves the function early.
   */
  public record IfError(int flag, List<Stmt> then) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitIfError(this);
    }

    public IfError {
      then = List.copyOf(then);
    }
  }
}
