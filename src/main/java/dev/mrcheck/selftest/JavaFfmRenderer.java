package dev.mrcheck.selftest;

import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import dev.mrcheck.selftest.DeviceProgram.RegionField;
import java.util.ArrayList;
import java.util.List;

/**
 * The jextract-style rendering (testdata/java/ffm): the C calls through {@code memory_h}, {@code
 * qom_h} and {@code glib_h} on {@code MemorySegment}s, the device struct as a record ({@code
 * s.r0()} is {@code &s->r0}, {@code s.r2()[1]} is {@code &s->r2[1]}), static hooks marked
 * {@code @InstanceInit}, {@code @Realize}, {@code @Unrealize}, {@code @InstanceFinalize} that start
 * with the generated cast {@code SELFTEST(dev)}. A heap region's struct field holds its pointer, so
 * {@code s.r1()} is {@code s->r1}; the native code that filled it in ({@code g_new0}) is not
 * rendered, the {@code g_free} is (likewise for the heap address space {@code as1}). Realize's
 * {@code errp} is C's {@code Error **} ({@code qapi_h.error_setg(errp, ...)}); a found section is
 * the by-value struct {@code MemoryRegionSection} whose {@code mr} holds the reference; the MMIO
 * write handler is {@code selftest_write(opaque, ...)} starting with {@code SELFTEST(opaque)}.
 */
public final class JavaFfmRenderer extends JavaRenderer {
  public static final String LANGUAGE = "java-ffm";
  private static final String STATE = "SelftestState";

  @Override
  String packageName() {
    return "ffm";
  }

  @Override
  String language() {
    return LANGUAGE;
  }

  @Override
  List<String> imports(DeviceProgram p) {
    return List.of(
        "api.InstanceFinalize",
        "api.InstanceInit",
        "api.MemoryRegionSection",
        p.hotPluggable() ? "api.PCIDevice" : "api.SysBusDevice",
        "api.Realize",
        "api.Strings",
        "api.Unrealize",
        "api.glib_h",
        "api.memory_h",
        "api.qapi_h",
        "api.qom_h",
        "java.lang.foreign.MemorySegment");
  }

  @Override
  void members(RenderedSource.Writer w, DeviceProgram p) {
    List<String> components = new ArrayList<>();
    components.add("MemorySegment parent");
    for (RegionField f : p.regions()) {
      components.add(
          (f.shape() == DeviceProgram.Shape.ARRAY ? "MemorySegment[] " : "MemorySegment ")
              + f.name());
    }
    for (int i = 0; i < p.addressSpaces(); i++) components.add("MemorySegment as" + i);
    components.add("MemorySegment peer");
    for (int i = 1; i <= 8; i++) components.add("boolean fail" + i);
    w.line(
        INDENT
            + "/** The MMIO callbacks' upcall stubs; what they do is no concern of the rules. */");
    w.line(INDENT + "private static final MemorySegment OPS = MemorySegment.NULL;");
    w.line("");
    w.line(INDENT + "record " + STATE + "(");
    for (int i = 0; i < components.size(); i++) {
      w.line(
          INDENT
              + INDENT
              + INDENT
              + components.get(i)
              + (i == components.size() - 1 ? ") {}" : ","));
    }
    w.line("");
    w.line(INDENT + "/** The generated QOM cast checker. */");
    w.line(INDENT + "static native " + STATE + " SELFTEST(MemorySegment obj);");
  }

  @Override
  String helperSignature(int helper) {
    return "private static void selftest_helper" + helper + "(" + STATE + " s)";
  }

  @Override
  List<String> hookSignature(DeviceProgram p, Role role) {
    return switch (role) {
      case INSTANCE_INIT ->
          List.of("@InstanceInit", "static void selftest_instance_init(MemorySegment obj)");
      case REALIZE ->
          List.of(
              "@Realize", "static void selftest_realize(MemorySegment dev, MemorySegment errp)");
      case UNREALIZE ->
          List.of(
              "@Unrealize",
              p.hotPluggable()
                  ? "static void selftest_exit(MemorySegment dev)"
                  : "static void selftest_unrealize(MemorySegment dev)");
      case INSTANCE_FINALIZE ->
          List.of("@InstanceFinalize", "static void selftest_instance_finalize(MemorySegment obj)");
      default -> throw new IllegalArgumentException("not a hook of a generated device: " + role);
    };
  }

  @Override
  List<String> hookPrologue(DeviceProgram p, Role role) {
    String param = role == Role.INSTANCE_INIT || role == Role.INSTANCE_FINALIZE ? "obj" : "dev";
    return List.of(STATE + " s = SELFTEST(" + param + ");", "");
  }

  @Override
  String init(DeviceProgram p, Operation.Init<Slot> s) {
    int region = Slot.region(s.region());
    String mr = region(p, region);
    String owner =
        owner(
            s.owner(),
            "qom_h.OBJECT(s)",
            "qom_h.OBJECT(s.peer())",
            "MemorySegment.NULL",
            "qom_h.OBJECT(" + mr + ")");
    String name = "Strings.cstring(\"selftest-" + field(p, region) + "\")";
    return switch (s.kind()) {
      case CONTAINER ->
          "memory_h.memory_region_init(" + mr + ", " + owner + ", " + name + ", 0x10000L);";
      case RAM ->
          "memory_h.memory_region_init_ram("
              + mr
              + ", "
              + owner
              + ", "
              + name
              + ", 0x1000L, MemorySegment.NULL);";
      case ALIAS ->
          "memory_h.memory_region_init_alias("
              + mr
              + ", "
              + owner
              + ", "
              + name
              + ", "
              + region(p, Slot.region(s.aliasTarget()))
              + ", 0L, 0x100L);";
      default ->
          "memory_h.memory_region_init_io("
              + mr
              + ", "
              + owner
              + ", OPS, MemorySegment.NULL, "
              + name
              + ", 0x100L);";
    };
  }

  @Override
  String addSubregion(DeviceProgram p, Slot container, int region) {
    return "memory_h.memory_region_add_subregion("
        + container(p, container)
        + ", "
        + offset(region)
        + ", "
        + region(p, region)
        + ");";
  }

  @Override
  String delSubregion(DeviceProgram p, Slot container, int region) {
    return "memory_h.memory_region_del_subregion("
        + container(p, container)
        + ", "
        + region(p, region)
        + ");";
  }

  @Override
  String ref(DeviceProgram p, int region) {
    return "memory_h.memory_region_ref(" + region(p, region) + ");";
  }

  @Override
  String unref(DeviceProgram p, int region) {
    return "memory_h.memory_region_unref(" + region(p, region) + ");";
  }

  @Override
  String unparent(DeviceProgram p, int region) {
    return "qom_h.object_unparent(qom_h.OBJECT(" + region(p, region) + "));";
  }

  @Override
  String free(DeviceProgram p, int region) {
    return "glib_h.g_free(" + region(p, region) + ");";
  }

  @Override
  String addressSpaceInit(DeviceProgram p, int space, Slot root) {
    String over = container(p, root);
    return "memory_h.address_space_init(s.as"
        + space
        + "(), "
        + over
        + ", Strings.cstring(\"selftest-as"
        + space
        + "\"));";
  }

  @Override
  String addressSpaceDestroy(DeviceProgram p, int space) {
    return "memory_h.address_space_destroy(s.as" + space + "());";
  }

  @Override
  String freeAddressSpace(DeviceProgram p, int space, boolean rcu) {
    String as = "s.as" + space + "()";
    return rcu
        ? "glib_h.g_free_rcu(" + as + ", Strings.cstring(\"rcu\"));"
        : "glib_h.g_free(" + as + ");";
  }

  @Override
  String find(DeviceProgram p, int section) {
    return "sec"
        + section
        + " = memory_h.memory_region_find(memory_h.get_system_memory(), 0x100000L, 4L);";
  }

  @Override
  String unrefFound(DeviceProgram p, int section) {
    return "memory_h.memory_region_unref(sec" + section + ".mr);";
  }

  @Override
  String reportError(int flag) {
    return "qapi_h.error_setg(errp, Strings.cstring(\"selftest: failure " + flag + "\"));";
  }

  @Override
  String sectionDeclaration(int section) {
    return "MemoryRegionSection sec" + section + " = null;";
  }

  @Override
  String runtimeSignature() {
    return "private static void selftest_write(MemorySegment opaque, long addr, long val, int size)";
  }

  @Override
  List<String> runtimePrologue() {
    return List.of(STATE + " s = SELFTEST(opaque);", "");
  }

  @Override
  String callHelper(DeviceProgram p, int helper) {
    return "selftest_helper" + helper + "(s);";
  }

  @Override
  String failed(int flag) {
    return "s.fail" + flag + "()";
  }

  private static String region(DeviceProgram p, int index) {
    RegionField f = p.regions().get(index);
    return "s." + f.name() + "()" + (f.shape() == DeviceProgram.Shape.ARRAY ? "[1]" : "");
  }

  private static String container(DeviceProgram p, Slot c) {
    return c == Slot.Fixed.SYSTEM_MEMORY
        ? "memory_h.get_system_memory()"
        : region(p, Slot.region(c));
  }
}
