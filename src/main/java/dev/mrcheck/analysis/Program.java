package dev.mrcheck.analysis;

import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.TranslationUnit;
import dev.mrcheck.ir.TypeRegistration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole scanned program: every function by key, QOM types by canonical name, and the
 * {@code TYPE_FOO -> "foo"} macros that make a type named in one file match its use in another.
 */
public final class Program {
  private final Map<String, Function> functionsByKey = new TreeMap<>();
  private final Map<String, List<Function>> functionsByName = new HashMap<>();
  private final Map<String, String> typeMacros = new HashMap<>();
  private final Map<String, TypeRegistration> types = new TreeMap<>();
  private final List<TypeRegistration> shadowedTypes = new ArrayList<>();
  private final StructLayouts layouts;

  public Program(List<TranslationUnit> units, Map<String, String> extraTypeMacros) {
    typeMacros.putAll(extraTypeMacros);
    for (TranslationUnit tu : units) typeMacros.putAll(tu.stringMacros());
    for (TranslationUnit tu : units) {
      for (Function f : tu.functions()) {
        functionsByKey.putIfAbsent(f.key(), f);
        functionsByName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
      }
      for (TypeRegistration t : tu.types()) {
        if (t.name() == null || t.name().isBlank()) continue;
        if (types.putIfAbsent(canonicalTypeName(t.name()), t) != null) shadowedTypes.add(t);
      }
    }
    functionsByName.values().forEach(l -> l.sort((a, b) -> a.key().compareTo(b.key())));
    List<dev.mrcheck.ir.StructField> fields = new ArrayList<>();
    for (TranslationUnit tu : units) fields.addAll(tu.fields());
    layouts = new StructLayouts(fields);
  }

  /** Struct layouts of every scanned file (headers included when scanned). */
  public StructLayouts layouts() {
    return layouts;
  }

  public Iterable<Function> functions() {
    return functionsByKey.values();
  }

  public int functionCount() {
    return functionsByKey.size();
  }

  public Function function(String key) {
    return functionsByKey.get(key);
  }

  /**
   * Resolves a call by name the way the linker would: a file-local definition in the caller's
   * file wins, then an external one; a name defined only file-locally elsewhere is not visible.
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

  /** {@code TYPE_PCI_DEVICE} and {@code "pci-device"} both become {@code pci-device} when the macro is known. */
  public String canonicalTypeName(String written) {
    if (written == null) return null;
    String s = written.trim();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) return s.substring(1, s.length() - 1);
    String v = typeMacros.get(s);
    return v != null ? v : s;
  }

  /** The canonical name under which the model may list a type ({@code TYPE_PCI_DEVICE}), reversed from a string. */
  public List<String> writtenNames(String canonical) {
    List<String> out = new ArrayList<>();
    out.add(canonical);
    for (Map.Entry<String, String> e : typeMacros.entrySet()) {
      if (e.getValue().equals(canonical)) out.add(e.getKey());
    }
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
