package dev.mrcheck.analysis;

import dev.mrcheck.ir.StructField;
import dev.mrcheck.ir.TypeRegistration;
import dev.mrcheck.model.ApiModel;
import dev.mrcheck.model.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What kind of QOM object a C struct (or a registered type) is, decided from layouts and type
 * registrations: a device, another QOM object, a MemoryRegion, or no QOM object at all. A QOM
 * instance struct starts with its parent's instance struct, so following first members walks the
 * ancestry even where the {@code TypeInfo} of a base is not in the scanned tree.
 */
public final class QomClasses {
  /** The roots of QOM's instance structs: every object starts with one of them. */
  private static final String OBJECT = "Object";

  private static final String DEVICE = "DeviceState";
  private static final String REGION = "MemoryRegion";

  /** The canonical names of TYPE_DEVICE and TYPE_OBJECT. */
  private static final String DEVICE_TYPE = "device";

  private static final String OBJECT_TYPE = "object";

  public enum Kind {
    /** A qdev device: can be realized, is named in the QOM tree by its device path. */
    DEVICE,
    /** A QOM object that is not a device (a memory backend, the machine, a wrapper). */
    OBJECT,
    /** A MemoryRegion or a subclass of it (IOMMUMemoryRegion). */
    REGION,
    /** A struct whose layout is in view and that is not a QOM object. */
    PLAIN,
    /** Not enough in view to say. */
    UNKNOWN
  }

  private final Program program;
  private final ApiModel model;
  private final Map<String, TypeRegistration> byStruct = new HashMap<>();
  private final Map<String, Kind> typeKinds = new HashMap<>();

  public QomClasses(Program program, ApiModel model) {
    this.program = program;
    this.model = model;
    for (TypeRegistration t : program.types().values()) {
      if (t.instanceStruct() != null) byStruct.putIfAbsent(t.instanceStruct(), t);
    }
  }

  /** The kind of an object whose static type is {@code struct}. */
  public Kind ofStruct(String struct) {
    if (struct == null || struct.isEmpty()) return Kind.UNKNOWN;
    StructLayouts layouts = program.layouts();
    List<String> chain = layouts.firstMemberChain(struct);
    for (String s : chain) {
      if (s.equals(REGION)) return Kind.REGION;
      if (s.equals(DEVICE)) return Kind.DEVICE;
      if (s.equals(OBJECT)) return Kind.OBJECT;
      TypeRegistration t = byStruct.get(s);
      if (t != null) {
        Kind k = ofType(program.canonicalTypeName(t.name()));
        if (k != Kind.UNKNOWN) return k;
      }
    }
    for (String s : chain) {
      StructField first = layouts.first(s);
      if (first != null && cannotStartObject(first)) return Kind.PLAIN;
    }
    return Kind.UNKNOWN;
  }

  /**
   * A QOM parent is embedded, never a pointer or an array, and is a struct; scalar types ({@code
   * uint8_t}, {@code hwaddr}, {@code bool}) are spelled in lower case in C and QEMU, structs not.
   */
  private static boolean cannotStartObject(StructField first) {
    String t = first.type();
    return first.pointer() || first.array() || t.isEmpty() || Character.isLowerCase(t.charAt(0));
  }

  /** The kind of a replayed type: devices are what realize/unrealize and hot-plug apply to. */
  public boolean isDevice(DeviceType d) {
    if (ofType(d.name()) == Kind.DEVICE) return true;
    return !d.hooks(Role.REALIZE).isEmpty()
        || !d.hooks(Role.UNREALIZE).isEmpty()
        || d.instanceStruct() != null && ofStruct(d.instanceStruct()) == Kind.DEVICE;
  }

  /**
   * A registered type's kind from its ancestry: it reaches TYPE_DEVICE, or a base type the model
   * describes (the model only lists device bases, by whether they can be unplugged), or
   * TYPE_OBJECT.
   */
  Kind ofType(String canonical) {
    if (canonical == null) return Kind.UNKNOWN;
    Kind cached = typeKinds.get(canonical);
    if (cached != null) return cached;
    typeKinds.put(canonical, Kind.UNKNOWN); // cycles in broken trees
    Kind k = Kind.UNKNOWN;
    String cur = canonical;
    for (int depth = 0; cur != null && depth < 24; depth++) {
      // "DeviceState": the Java bindings name the base class as C names its struct.
      if (cur.equals(DEVICE_TYPE) || cur.equals(DEVICE)) {
        k = Kind.DEVICE;
        break;
      }
      boolean modelled = false;
      for (String written : program.writtenNames(cur))
        modelled |= model.hotpluggable(written).isPresent();
      if (modelled) {
        k = Kind.DEVICE;
        break;
      }
      if (cur.equals(OBJECT_TYPE)) {
        k = Kind.OBJECT;
        break;
      }
      TypeRegistration r = program.types().get(cur);
      cur = r == null ? null : program.canonicalTypeName(r.parent());
    }
    typeKinds.put(canonical, k);
    return k;
  }
}
