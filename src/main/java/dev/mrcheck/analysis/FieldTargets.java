package dev.mrcheck.analysis;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.StructField;
import dev.mrcheck.ir.TableEntry;
import dev.mrcheck.ir.TypeRegistration;
import dev.mrcheck.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A field-based call graph: which functions are stored in which field of which struct type, so that
 * a call through that field reaches them. Stores are assignments ({@code k->detach = f}, in a
 * class_init, a helper it hands the class to, or anywhere) and static initializers ({@code static
 * const PCIIOMMUOps ops = { .get_address_space = f }}, arrays of such structs, nested, designated
 * or positional). A call's receiver type is the declared type reached along its path ({@code
 * bus->iommu_ops->get_address_space}: the type of {@code PCIBus.iommu_ops}; {@code
 * groups[i].size_init}: the element type of the table {@code groups}).
 *
 * <p>Only the code that stored a function calls it through the field: a table or class filled in
 * one file and called through by another file's code (the PCI core calling a device's config_write,
 * migration calling a post_load, a bus calling its IOMMU's ops) is a framework calling an entry
 * point of another device, which is a hook or a run-time root of its own; following it would replay
 * that device's code on the caller's state.
 *
 * <p>A store into a class (by the code that fills a type's class, {@link ClassCode}) is QOM's
 * virtual dispatch: which one runs depends on the object's type. So, in the replay of a device, a
 * call through a class field reaches what the nearest class of the device's ancestry stored there,
 * exactly as QOM resolves it; outside a device, it reaches what the types registered in the
 * caller's own file stored (a family calling its own hooks), not what every subclass in the program
 * stored: a base type's code dispatching to all its subclasses is the QOM core calling a hook,
 * which each subclass's own lifecycle already replays.
 */
final class FieldTargets {
  private record Store(String function, String file, Set<String> classOf) {}

  private final Program program;

  /** Per struct type and field, what was stored there, in program order, each store once. */
  private final Map<String, Set<Store>> byTypeField = new HashMap<>();

  // The types that store into each field name, so that a base class's call looks at those only
  // (QEMU registers thousands of types; walking every ancestry per call doubled the analysis).
  private final Map<String, Set<String>> typesStoring = new HashMap<>();
  private final Map<String, Set<String>> bySubtypes = new ConcurrentHashMap<>();

  private final Map<String, String> tableTypes = new HashMap<>();
  private final Map<String, Set<String>> typesByFile = new HashMap<>();

  FieldTargets(Program program) {
    this.program = program;
    ClassCode classCode = new ClassCode(program);
    for (Map.Entry<String, TypeRegistration> e : program.types().entrySet())
      typesByFile
          .computeIfAbsent(e.getValue().loc().file(), k -> new LinkedHashSet<>())
          .add(e.getKey());
    // Each function's stores are read on every core, then added in program order.
    List<Function> functions = new ArrayList<>(program.functionCount());
    program.functions().forEach(functions::add);
    List<List<FieldStore>> stores =
        functions.parallelStream().map(f -> storesOf(f, classCode)).toList();
    for (List<FieldStore> of : stores)
      for (FieldStore st : of) add(st.type(), st.field(), st.store());
    for (TableEntry t : program.tables()) {
      tableTypes.putIfAbsent(tableKey(t.loc().file(), t.variable()), t.type());
      Function stored = program.resolve(t.value(), t.loc().file());
      if (stored == null) continue;
      List<String> steps = named(t.type(), t.steps());
      if (steps == null || steps.isEmpty()) continue;
      String type = program.layouts().typeAlong(t.type(), steps.subList(0, steps.size() - 1));
      if (type == null) continue;
      add(type, steps.get(steps.size() - 1), new Store(stored.key(), t.loc().file(), Set.of()));
    }
  }

  /** A function stored into field {@code field} of struct type {@code type}. */
  private record FieldStore(String type, String field, Store store) {}

  /**
   * The functions {@code f} assigns to fields ({@code k->detach = f}). Read before the tables are
   * added, as they always were: {@link #receiverType} finds no table root here, and only reads.
   */
  private List<FieldStore> storesOf(Function f, ClassCode classCode) {
    List<FieldStore> out = new ArrayList<>();
    Set<String> classOf = classCode.typesFilledBy(f.key());
    for (Stmt.Assign a : f.cfg().assignments()) {
      if (a.target().steps().isEmpty()) continue;
      if (!(a.value() instanceof Value.Path p) || !p.path().steps().isEmpty()) continue;
      String name = p.path().root();
      if (f.localTypes().containsKey(name)) continue;
      Function stored = program.resolve(name, f.file());
      String type = receiverType(f, a.target());
      if (stored == null || type == null) continue;
      out.add(
          new FieldStore(type, a.target().lastStep(), new Store(stored.key(), f.file(), classOf)));
    }
    return out;
  }

  private void add(String type, String field, Store store) {
    byTypeField.computeIfAbsent(type + "." + field, k -> new LinkedHashSet<>()).add(store);
    typesStoring.computeIfAbsent(field, k -> new HashSet<>()).add(type);
  }

  private static String tableKey(String file, String variable) {
    return file + "#" + variable;
  }

  /** Positional steps ({@code #2}) as member names, by the struct layouts; null if unknown. */
  private List<String> named(String rootType, List<String> steps) {
    List<String> out = new ArrayList<>(steps.size());
    String type = rootType;
    for (String step : steps) {
      if (step.startsWith(TableEntry.POSITION)) {
        StructField m =
            program
                .layouts()
                .nth(type, Integer.parseInt(step.substring(TableEntry.POSITION.length())));
        if (m == null) return null;
        step = m.name();
      }
      out.add(step);
      if (!step.equals(AccessPath.ANY_INDEX)) {
        StructField m = type == null ? null : program.layouts().member(type, step);
        type = m == null ? null : m.type();
      }
    }
    return out;
  }

  /**
   * The declared struct type of the object whose field {@code path} names: the type of its root (a
   * local, a parameter, or a table of the function's file) along the steps before the last.
   */
  private String receiverType(Function f, AccessPath path) {
    String rootType = f.localTypes().get(path.root());
    if (rootType == null) rootType = tableTypes.get(tableKey(f.file(), path.root()));
    if (rootType == null) return null;
    List<String> steps = path.steps().subList(0, path.steps().size() - 1);
    return steps.isEmpty() ? rootType : program.layouts().typeAlong(rootType, steps);
  }

  /**
   * The keys of the functions a call through a field may reach, in the replay of {@code device}
   * (null: outside any device, or for the call graph).
   */
  Set<String> of(Function caller, Stmt.Call call, DeviceType device) {
    if (call.through() == null) return Set.of();
    String type = receiverType(caller, call.through());
    if (type == null) return Set.of();
    Set<Store> stores = byTypeField.getOrDefault(type + "." + field(call), Set.of());
    Set<String> out = new LinkedHashSet<>();
    List<Store> classStores = new ArrayList<>();
    for (Store st : stores) {
      if (!st.classOf().isEmpty()) classStores.add(st);
      else if (st.file().equals(caller.file())) out.add(st.function());
    }
    if (out.isEmpty() && classStores.isEmpty())
      return device != null
          ? storedByDeviceClass(type, field(call), device)
          : storedBySubtypes(type, field(call));
    if (classStores.isEmpty()) return out;
    if (device != null) {
      for (String t : device.ancestry()) {
        boolean found = false;
        for (Store st : classStores) {
          if (st.classOf().contains(t)) {
            out.add(st.function());
            found = true;
          }
        }
        if (found) break;
      }
    } else {
      Set<String> family = typesByFile.getOrDefault(caller.file(), Set.of());
      for (Store st : classStores)
        for (String t : st.classOf()) if (family.contains(t)) out.add(st.function());
    }
    return out;
  }

  private static String field(Stmt.Call call) {
    return call.through().lastStep();
  }

  /**
   * A Java base class calling a field of its own ({@code teardown.run()} in {@code Base.exit}) that
   * a subclass's code filled ({@code teardown = () -> ...} in {@code Sub}'s constructor): in the
   * replay of a device whose ancestry names the receiver's type, what the nearest class of that
   * ancestry stored in the field, as the language's dispatch on the object's class would find it. A
   * C struct type is no QOM type name, so C never gets here.
   */
  /**
   * Outside a device's replay (the call graph), what any registered type below {@code type} stored
   * in the field: which one runs depends on the object, and each device's replay picks its own.
   */
  private Set<String> storedBySubtypes(String type, String field) {
    return bySubtypes.computeIfAbsent(type + "." + field, k -> subtypesStores(type, field));
  }

  private Set<String> subtypesStores(String type, String field) {
    Set<String> storing = typesStoring.getOrDefault(field, Set.of());
    if (storing.isEmpty()) return Set.of();
    Set<String> out = new LinkedHashSet<>();
    for (Map.Entry<String, TypeRegistration> e : program.types().entrySet()) {
      if (!storing.contains(e.getKey()) || !below(e.getValue(), type)) continue;
      for (Store st : byTypeField.getOrDefault(e.getKey() + "." + field, Set.of()))
        if (st.classOf().isEmpty()) out.add(st.function());
    }
    return out;
  }

  /** Whether a parent, grandparent, ... of the registered type {@code t} is {@code type}. */
  private boolean below(TypeRegistration t, String type) {
    Set<String> seen = new HashSet<>();
    TypeRegistration cur = t;
    while (cur != null && cur.parent() != null) {
      String parent = program.canonicalTypeName(cur.parent());
      if (parent.equals(type)) return true;
      if (!seen.add(parent)) return false;
      cur = program.types().get(parent);
    }
    return false;
  }

  private Set<String> storedByDeviceClass(String type, String field, DeviceType device) {
    if (!device.ancestry().contains(type)) return Set.of();
    for (String t : device.ancestry()) {
      Set<String> out = new LinkedHashSet<>();
      for (Store st : byTypeField.getOrDefault(t + "." + field, Set.of()))
        if (st.classOf().isEmpty()) out.add(st.function());
      if (!out.isEmpty()) return out;
    }
    return Set.of();
  }
}
