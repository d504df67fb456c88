package dev.mrcheck.analysis;

import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.model.ApiModel;
import dev.mrcheck.model.FunctionModel;
import dev.mrcheck.model.Operation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Calls between the program's functions (by name, and through fields: {@link FieldTargets}), and
 * which functions reach the modelled API (directly or through callees): only those are worth
 * following or analyzing.
 */
public final class CallGraph {
  private final Map<String, Set<String>> callees = new HashMap<>();
  private final Map<String, Set<String>> callers = new HashMap<>();

  private final FieldTargets fieldTargets;
  private final Set<String> reachesApi = new HashSet<>();
  private final Set<String> callsModel = new HashSet<>();
  private volatile List<String> sortedReaching;
  private volatile List<String> sortedActing;

  public CallGraph(Program program, ApiModel model) {
    Set<String> implementation = implementationFiles(program, model);
    fieldTargets = new FieldTargets(program);
    Deque<String> work = new ArrayDeque<>();
    // Each function's calls are read on every core, then merged in program order (the callers'
    // order is the program's).
    List<Function> functions = new ArrayList<>(program.functionCount());
    program.functions().forEach(functions::add);
    List<Calls> calls =
        functions.parallelStream().map(f -> calls(f, program, model, implementation)).toList();
    for (Calls c : calls) {
      if (c.callsModel()) callsModel.add(c.key());
      if (c.seed() && reachesApi.add(c.key())) work.add(c.key());
      callees.put(c.key(), c.out());
      for (String t : c.out()) callers.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(c.key());
    }
    while (!work.isEmpty()) {
      String g = work.poll();
      for (String caller : callers.getOrDefault(g, Set.of())) {
        if (reachesApi.add(caller)) work.add(caller);
      }
    }
  }

  /**
   * What one function calls: its callees in the program, whether it calls the model (other than to
   * report an error), and whether a call is a seed.
   */
  private record Calls(String key, Set<String> out, boolean callsModel, boolean seed) {}

  private Calls calls(Function f, Program program, ApiModel model, Set<String> implementation) {
    Set<String> out = new LinkedHashSet<>();
    if (implementation.contains(f.file())) return new Calls(f.key(), out, false, false);
    boolean callsModel = false;
    boolean seed = false;
    for (Stmt.Call c : f.cfg().calls()) {
      if (c.through() != null) {
        for (String t : fieldTargets.of(f, c, null)) {
          Function target = program.function(t);
          if (!t.equals(f.key()) && !implementation.contains(target.file())) out.add(t);
        }
        continue;
      }
      var modelled = model.function(c.callee());
      if (modelled.isPresent()) {
        callsModel |= !reportsErrorOnly(modelled.get());
        seed |= isSeed(modelled.get());
        continue;
      }
      Function target = program.resolve(c.callee(), f.file());
      if (target != null
          && !target.key().equals(f.key())
          && !implementation.contains(target.file())) {
        out.add(target.key());
      }
    }
    return new Calls(f.key(), out, callsModel, seed);
  }

  /**
   * Files that define the modelled API itself (system/memory.c defines memory_region_ref, physmem.c
   * address_space_map, qom/object.c object_unparent): the model stands for what their functions do,
   * and their internals (flatviews hold region references on the memory core's own terms) are
   * neither followed from device code nor analyzed as callbacks. Wrappers that only map or free
   * (pci_register_bar, g_free) do not make their file the API's implementation.
   */
  private static Set<String> implementationFiles(Program program, ApiModel model) {
    Set<String> files = new HashSet<>();
    for (Function f : program.functions()) {
      var modelled = model.function(f.name());
      if (modelled.isEmpty()) continue;
      for (var e : modelled.get().effects()) {
        if (e instanceof Operation.Init
            || e instanceof Operation.Ref
            || e instanceof Operation.Unparent
            || e instanceof Operation.Find
            || e instanceof Operation.AddressSpaceInit
            || e instanceof Operation.AddressSpaceMap) {
          files.add(f.file());
          break;
        }
      }
    }
    return files;
  }

  /**
   * Whether calling this modelled function makes the caller worth analyzing. Freeing memory and QOM
   * reference counting happen in most of QEMU's functions; they matter only where regions are
   * already involved, and following every caller of g_free would cost more than the whole scan.
   * Functions with no effect (sysbus_init_mmio) do not count either.
   */
  public static boolean isSeed(FunctionModel fm) {
    if (GENERIC.contains(fm.name())) return false;
    for (var e : fm.effects()) {
      if (!(e instanceof Operation.Free) && !(e instanceof Operation.ReportsError)) {
        return true;
      }
    }
    return false;
  }

  /**
   * error_setg() and friends: they matter in code that is analyzed anyway (a realize that fails),
   * but calling them makes no function worth following, or half of QEMU would be.
   */
  private static boolean reportsErrorOnly(FunctionModel fm) {
    return !fm.effects().isEmpty()
        && fm.effects().stream().allMatch(e -> e instanceof Operation.ReportsError);
  }

  private static final Set<String> GENERIC = Set.of("object_ref", "object_unref");

  /**
   * The keys of the functions that reach the API, in key order (the order of {@link
   * Program#functions()}).
   */
  public List<String> apiReaching() {
    List<String> out = sortedReaching;
    if (out == null) {
      out = reachesApi.stream().sorted().toList();
      sortedReaching = out;
    }
    return out;
  }

  /**
   * The functions worth replaying as a run-time root if nothing calls them: those that reach the
   * API, and those that act on regions only through a modelled call that is no seed (g_free),
   * themselves or through a direct callee, as {@link #worthFollowing} would follow it: an MMIO
   * handler that frees the device's heap region destroys it at run time. In key order.
   */
  public List<String> actingOnRegions() {
    List<String> out = sortedActing;
    if (out == null) {
      Set<String> keys = new TreeSet<>(reachesApi);
      for (String f : callsModel) {
        keys.add(f);
        keys.addAll(callers(f));
      }
      out = List.copyOf(keys);
      sortedActing = out;
    }
    return out;
  }

  public boolean reachesApi(String functionKey) {
    return reachesApi.contains(functionKey);
  }

  /**
   * Whether the function is worth analyzing or following: it reaches region API, or it calls a
   * modelled function itself (a helper that only frees or unrefs still acts on its arguments).
   */
  public boolean worthFollowing(String functionKey) {
    return reachesApi.contains(functionKey) || callsModel.contains(functionKey);
  }

  /**
   * The keys of the functions a call through a field may reach in the replay of {@code device}
   * (null: outside one); none for a direct call.
   */
  Set<String> fieldTargets(Function caller, Stmt.Call call, DeviceType device) {
    return fieldTargets.of(caller, call, device);
  }

  public boolean hasCallers(String functionKey) {
    return !callers.getOrDefault(functionKey, Set.of()).isEmpty();
  }

  public Set<String> callers(String functionKey) {
    return callers.getOrDefault(functionKey, Set.of());
  }

  public int relevantCount() {
    return reachesApi.size();
  }
}
