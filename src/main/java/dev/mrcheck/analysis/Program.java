package dev.mrcheck.analysis;

import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.StructField;
import dev.mrcheck.ir.TableEntry;
import dev.mrcheck.ir.TranslationUnit;
import dev.mrcheck.ir.TypeRegistration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole scanned program: every function by key, QOM types by canonical name, and the {@code
 * TYPE_FOO -> "foo"} macros that make a type named in one file match its use in another.
 */
public final class Program {
  private final Map<String, Function> functionsByKey = new TreeMap<>();
  private final Map<String, List<Function>> functionsByName = new HashMap<>();
  private final Map<String, String> typeMacros = new HashMap<>();
  private final Map<String, TypeRegistration> types = new TreeMap<>();

  /**
   * Canonical type name -> the macros naming it: {@link #writtenNames} runs for every type of every
   * device.
   */
  private final Map<String, List<String>> macrosByValue = new HashMap<>();

  private static final AtomicLong IDS = new AtomicLong();

  private final List<TranslationUnit> units;
  private final Map<String, String> extraTypeMacros;
  private final long id = IDS.incrementAndGet();

  /**
   * For a program {@link #update}d from another: that program's id, and the keys whose function was
   * swapped.
   */
  private final long updatedFrom;

  private final Set<String> swappedKeys;
  private final List<TypeRegistration> shadowedTypes = new ArrayList<>();

  /** Set by {@link #indexTypes}, which every constructor runs. */
  private StructLayouts layouts;

  public Program(List<TranslationUnit> units, Map<String, String> extraTypeMacros) {
    this.units = List.copyOf(units);
    this.extraTypeMacros = Map.copyOf(extraTypeMacros);
    this.updatedFrom = 0;
    this.swappedKeys = Set.of();
    for (TranslationUnit tu : units) {
      for (Function f : tu.functions()) {
        functionsByKey.putIfAbsent(f.key(), f);
        functionsByName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
      }
    }
    functionsByName.values().forEach(l -> l.sort((a, b) -> a.key().compareTo(b.key())));
    indexTypes();
  }

  /**
   * The functions of {@code before} with those of re-parsed units swapped in one for one; types
   * indexed anew.
   */
  private Program(Program before, List<TranslationUnit> units, Map<Function, Function> swapped) {
    this.units = List.copyOf(units);
    this.extraTypeMacros = before.extraTypeMacros;
    this.updatedFrom = before.id;
    Set<String> keys = new HashSet<>();
    functionsByKey.putAll(before.functionsByKey);
    functionsByName.putAll(before.functionsByName);
    Set<String> names = new HashSet<>();
    for (Map.Entry<Function, Function> e : swapped.entrySet()) {
      String key = e.getKey().key();
      if (functionsByKey.get(key) == e.getKey()) {
        functionsByKey.put(key, e.getValue());
        keys.add(key);
      }
      names.add(e.getKey().name());
    }
    for (String name : names) {
      List<Function> list = new ArrayList<>(functionsByName.get(name));
      list.replaceAll(f -> swapped.getOrDefault(f, f));
      functionsByName.put(name, list);
    }
    this.swappedKeys = keys;
    indexTypes();
  }

  /**
   * This program with {@code next} as its units, where each unit that differs from this program's
   * unit at the same index defines the same functions (name, file, linkage) in the same order: a
   * re-parse after an edit that changed no function's identity. Builds only what can differ; any
   * other {@code next} gets a program built from scratch. Either way the result equals {@code new
   * Program(next, extraTypeMacros)}.
   */
  public Program update(List<TranslationUnit> next) {
    if (next.size() != units.size()) return new Program(next, extraTypeMacros);
    Map<Function, Function> swapped = new IdentityHashMap<>();
    for (int i = 0; i < next.size(); i++) {
      TranslationUnit was = units.get(i);
      TranslationUnit now = next.get(i);
      if (was == now) continue;
      if (was.functions().size() != now.functions().size())
        return new Program(next, extraTypeMacros);
      for (int j = 0; j < now.functions().size(); j++) {
        Function a = was.functions().get(j);
        Function b = now.functions().get(j);
        if (!sameIdentity(a, b)) return new Program(next, extraTypeMacros);
        swapped.put(a, b);
      }
    }
    return new Program(this, next, swapped);
  }

  /** Same name, file and linkage: the same key, resolved to from the same calls. */
  public static boolean sameIdentity(Function a, Function b) {
    return a.name().equals(b.name()) && a.file().equals(b.file()) && a.fileLocal() == b.fileLocal();
  }

  private void indexTypes() {
    typeMacros.putAll(extraTypeMacros);
    for (TranslationUnit tu : units) typeMacros.putAll(tu.stringMacros());
    for (TranslationUnit tu : units) {
      for (TypeRegistration t : tu.types()) {
        if (t.name() == null || t.name().isBlank()) continue;
        if (types.putIfAbsent(canonicalTypeName(t.name()), t) != null) shadowedTypes.add(t);
      }
    }
    typeMacros.forEach((k, v) -> macrosByValue.computeIfAbsent(v, x -> new ArrayList<>()).add(k));
    List<StructField> fields = new ArrayList<>();
    for (TranslationUnit tu : units) fields.addAll(tu.fields());
    layouts = new StructLayouts(fields);
  }

  /** Functions (and other names) stored by static initializers of every scanned file. */
  public List<TableEntry> tables() {
    List<TableEntry> out = new ArrayList<>();
    for (TranslationUnit tu : units) out.addAll(tu.tables());
    return out;
  }

  /** Struct layouts of every scanned file (headers included when scanned). */
  public StructLayouts layouts() {
    return layouts;
  }

  public Iterable<Function> functions() {
    return functionsByKey.values();
  }

  /** The units the program was made of, in order: what a stored replay's key reads of them. */
  List<TranslationUnit> units() {
    return units;
  }

  /** Type macros given beside the units. */
  Map<String, String> extraTypeMacros() {
    return extraTypeMacros;
  }

  long id() {
    return id;
  }

  /**
   * If this program was {@link #update}d from the program with id {@code base}: the keys whose
   * function object differs from that program's (every other key maps to the same object). Else
   * null.
   */
  Set<String> swappedSince(long base) {
    return updatedFrom == base && base != 0 ? swappedKeys : null;
  }

  /**
   * Every function under its key, in key order; saves recomputing keys where they are needed with
   * the function.
   */
  Map<String, Function> functionsByKey() {
    return Collections.unmodifiableMap(functionsByKey);
  }

  public int functionCount() {
    return functionsByKey.size();
  }

  public Function function(String key) {
    return functionsByKey.get(key);
  }

  /**
   * Resolves a call by name the way the linker would: a file-local definition in the caller's file
   * wins, then an external one; a name defined only file-locally elsewhere is not visible.
   */
  public Function resolve(String name, String callerFile) {
    List<Function> candidates = functionsByName.getOrDefault(name, List.of());
    Function external = null;
    for (Function f : candidates) {
      if (f.fileLocal() && f.file().equals(callerFile)) return f;
      if (!f.fileLocal() && external == null) external = f;
    }
    if (external != null) return external;
    // Static inline helpers live in headers: any header definition is visible to its includers.
    for (Function f : candidates) if (f.file().endsWith(".h")) return f;
    return null;
  }

  /**
   * {@code TYPE_PCI_DEVICE} and {@code "pci-device"} both become {@code pci-device} when the macro
   * is known.
   */
  public String canonicalTypeName(String written) {
    if (written == null) return null;
    String s = written.trim();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\""))
      return s.substring(1, s.length() - 1);
    String v = typeMacros.get(s);
    return v != null ? v : s;
  }

  /**
   * The canonical name under which the model may list a type ({@code TYPE_PCI_DEVICE}), reversed
   * from a string.
   */
  public List<String> writtenNames(String canonical) {
    List<String> out = new ArrayList<>();
    out.add(canonical);
    out.addAll(macrosByValue.getOrDefault(canonical, List.of()));
    Collections.sort(out);
    return out;
  }

  public Map<String, TypeRegistration> types() {
    return Collections.unmodifiableMap(types);
  }

  /**
   * Registrations whose name an earlier file already registered (two boards defining their own
   * "openprom"): they are no types of the program, but their hooks are still lifecycle code.
   */
  public List<TypeRegistration> shadowedTypes() {
    return Collections.unmodifiableList(shadowedTypes);
  }
}
