package dev.mrcheck.selftest;

import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A small generated device: a state struct with regions and address spaces, and for each lifecycle
 * hook a list of statements over the memory API. Renderers turn it into source, the
 * {@link ModelOracle} executes it. Statements are compared by identity (a renderer maps each to its
 * line), so a program is never built by sharing one statement object in two places.
 *
 * @param hotPluggable a PCI device (unrealized at unplug) rather than a sysbus one
 * @param helpers bodies of helper functions {@code <name>_helperN(s)}, called by {@link CallHelper}
 */
public record DeviceProgram(boolean hotPluggable, List<RegionField> regions, int addressSpaces,
    Map<Role, List<Stmt>> hooks, List<List<Stmt>> helpers) {

  /** The lifecycle hooks a generated device has, in the order they run. */
  public static final List<Role> HOOKS =
      List.of(Role.INSTANCE_INIT, Role.REALIZE, Role.UNREALIZE, Role.INSTANCE_FINALIZE);

  public DeviceProgram {
    regions = List.copyOf(regions);
    Map<Role, List<Stmt>> copy = new EnumMap<>(Role.class);
    hooks.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    hooks = copy;
    helpers = helpers.stream().map(List::copyOf).toList();
  }

  public List<Stmt> hook(Role role) {
    return hooks.getOrDefault(role, List.of());
  }

  /** Whether any statement (helpers included) branches: then only "no unreproducible finding" is required. */
  public boolean branching() {
    List<List<Stmt>> all = new ArrayList<>(hooks.values());
    all.addAll(helpers);
    return all.stream().anyMatch(DeviceProgram::hasIf);
  }

  private static boolean hasIf(List<Stmt> body) {
    return body.stream().anyMatch(s -> s instanceof IfError);
  }

  /** Number of statements, helpers and branches included: the size a shrinker reduces. */
  public int size() {
    int n = 0;
    for (List<Stmt> b : hooks.values()) n += size(b);
    for (List<Stmt> b : helpers) n += size(b);
    return n;
  }

  private static int size(List<Stmt> body) {
    int n = 0;
    for (Stmt s : body) n += s instanceof IfError f ? 1 + size(f.then()) : 1;
    return n;
  }

  /** How a region field is stored in the state struct. */
  public enum Shape {
    /** {@code MemoryRegion name;}, used as {@code &s->name}. */
    EMBEDDED,
    /** {@code MemoryRegion *name;}, allocated with {@code g_new0} just before its init. */
    HEAP,
    /** {@code MemoryRegion name[2];}, always used as {@code &s->name[1]} (the analysis summarizes arrays). */
    ARRAY
  }

  /** Who owns a region: the device, another object ({@code OBJECT(s->peer)}), or the machine (NULL). */
  public enum Owner { SELF, OTHER, NONE }

  public record RegionField(String name, Shape shape) {}

  /** A container operand: one of the device's regions, or the machine's system memory. */
  public record Container(int region) {
    public static final Container SYSTEM_MEMORY = new Container(-1);

    public boolean isSystemMemory() {
      return region < 0;
    }
  }

  /** One statement of a hook or helper body. */
  public sealed interface Stmt permits Init, AddSubregion, DelSubregion, Ref, Unref, Unparent, Free,
      AddressSpaceInit, AddressSpaceDestroy, CallHelper, IfError {}

  /** {@code memory_region_init*}; {@code aliasOf} is the aliased region for {@link RegionKind#ALIAS}, else -1. */
  public record Init(int region, RegionKind kind, Owner owner, int aliasOf) implements Stmt {}

  public record AddSubregion(Container container, int region) implements Stmt {}

  public record DelSubregion(Container container, int region) implements Stmt {}

  public record Ref(int region) implements Stmt {}

  public record Unref(int region) implements Stmt {}

  /** {@code object_unparent(OBJECT(region))}. */
  public record Unparent(int region) implements Stmt {}

  /** {@code g_free(s->region)} of a heap region. */
  public record Free(int region) implements Stmt {}

  public record AddressSpaceInit(int space, int root) implements Stmt {}

  public record AddressSpaceDestroy(int space) implements Stmt {}

  public record CallHelper(int helper) implements Stmt {}

  /** {@code if (s->fail<flag>) { then...; return; }}: an error path that leaves the function early. */
  public record IfError(int flag, List<Stmt> then) implements Stmt {
    public IfError {
      then = List.copyOf(then);
    }
  }
}
