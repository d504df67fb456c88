package dev.mrcheck.selftest;

import dev.mrcheck.selftest.DeviceProgram.ApiCall;
import java.util.function.Function;

/**
 * The C of a program's factory-made object ({@link PlainObject}): its type and state struct, its
 * instance_init, factory and instance_finalize, its TypeInfo. {@link CRenderer} places each part
 * and renders the memory-API calls ({@code call}).
 */
final class FactoryObjectC {
  private final PlainObject object;
  private final Function<ApiCall, String> call;

  FactoryObjectC(PlainObject object, Function<ApiCall, String> call) {
    this.object = object;
    this.call = call;
  }

  /** The region as the object's functions name it. */
  static String region(PlainObject object) {
    return object.heapRegion() ? "map->mr" : "&map->mr";
  }

  void declarations(RenderedSource.Writer w) {
    w.line("#define TYPE_SELFTEST_MAPPING \"selftest-mapping\"");
    w.line("OBJECT_DECLARE_SIMPLE_TYPE(SelftestMapping, SELFTEST_MAPPING)");
    w.line("");
    w.line("struct SelftestMapping {");
    w.line("    Object parent_obj;");
    w.line("");
    w.line(object.heapRegion() ? "    MemoryRegion *mr;" : "    MemoryRegion mr;");
    w.line("};");
    w.line("");
  }

  void functions(RenderedSource.Writer w) {
    w.line("");
    w.line("static const MemoryRegionOps selftest_mapping_ops = {");
    w.line("    .endianness = DEVICE_NATIVE_ENDIAN,");
    w.line("};");
    w.line("");
    w.line("static void selftest_mapping_instance_init(Object *obj)");
    w.line("{");
    if (object.initInInstanceInit()) {
      w.line("    SelftestMapping *map = SELFTEST_MAPPING(obj);");
      w.line("");
      init(w);
    }
    w.line("}");
    w.line("");
    w.line("static SelftestMapping *selftest_mapping_new(void)");
    w.line("{");
    w.line("    SelftestMapping *map = SELFTEST_MAPPING(object_new(TYPE_SELFTEST_MAPPING));");
    w.line("");
    if (!object.initInInstanceInit()) init(w);
    w.line("    return map;");
    w.line("}");
    w.line("");
    w.line("static void selftest_mapping_instance_finalize(Object *obj)");
    w.line("{");
    if (!object.finalizer().isEmpty()) {
      w.line("    SelftestMapping *map = SELFTEST_MAPPING(obj);");
      w.line("");
      for (ApiCall s : object.finalizer()) w.line(s, "    " + call.apply(s));
    }
    w.line("}");
  }

  private void init(RenderedSource.Writer w) {
    if (object.heapRegion()) w.line("    map->mr = g_new0(MemoryRegion, 1);");
    w.line(object.init(), "    " + call.apply(object.init()));
  }

  /** The device's call of the factory, first thing in {@link PlainObject#createdIn}. */
  static String create() {
    return "s->map = selftest_mapping_new();";
  }

  /** The device's release, last thing in {@link PlainObject#releasedIn}. */
  static String release() {
    return "object_unref(OBJECT(s->map));";
  }

  void typeInfo(RenderedSource.Writer w) {
    w.line("");
    w.line("static const TypeInfo selftest_mapping_info = {");
    w.line("    .name          = TYPE_SELFTEST_MAPPING,");
    w.line("    .parent        = TYPE_OBJECT,");
    w.line("    .instance_size = sizeof(SelftestMapping),");
    w.line("    .instance_init = selftest_mapping_instance_init,");
    w.line("    .instance_finalize = selftest_mapping_instance_finalize,");
    w.line("};");
  }
}
