package dev.mrcheck.selftest;

import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import dev.mrcheck.selftest.DeviceProgram.RegionField;
import java.util.List;

/**
 * The object-API rendering (testdata/java/facade, rules/java-facade.mrm): regions are {@code
 * MemoryRegion} fields made by factories ({@code r0 = MemoryRegion.io(this, ...)}), the hooks are
 * overrides ({@code exit()} for a PCI device's unrealize). Embedded and heap regions are both plain
 * fields (the factories allocate); a heap region's {@code g_free} is {@code r1.free()}; an array is
 * {@code MemoryRegion[2]} used as {@code r2[1]}. Realize takes an {@code Error} handle and fails by
 * {@code errp.setg(...)} (C's {@code error_setg(errp, ...)}); a found section is a {@code
 * RegionSection} whose {@code mr} holds the reference; the MMIO write handler is a method of the
 * device ({@code mmioWrite}), the run-time code.
 */
public final class JavaFacadeRenderer extends JavaRenderer {
  public static final String LANGUAGE = "java-facade";

  @Override
  String packageName() {
    return "facade";
  }

  @Override
  String language() {
    return LANGUAGE;
  }

  @Override
  List<String> imports(DeviceProgram p) {
    return List.of(
        "api.AddressSpace",
        "api.DeviceState",
        "api.Error",
        "api.MemoryRegion",
        "api.MemoryRegionOps",
        p.hotPluggable() ? "api.PCIDevice" : "api.SysBusDevice",
        "api.RegionSection");
  }

  @Override
  void members(RenderedSource.Writer w, DeviceProgram p) {
    w.line(INDENT + "private static final MemoryRegionOps OPS = (addr, size) -> 0L;");
    w.line("");
    for (RegionField f : p.regions()) {
      w.line(
          INDENT
              + switch (f.shape()) {
                case EMBEDDED, HEAP -> "private MemoryRegion " + f.name() + ";";
                case ARRAY ->
                    "private final MemoryRegion[] " + f.name() + " = new MemoryRegion[2];";
              });
    }
    for (int i = 0; i < p.addressSpaces(); i++)
      w.line(INDENT + "private AddressSpace as" + i + ";");
    // Object, as C's Object *peer: another object of unknown type (a DeviceState would read as a
    // device).
    w.line(INDENT + "private Object peer;");
    for (int i = 1; i <= 8; i++) w.line(INDENT + "private boolean fail" + i + ";");
  }

  @Override
  String helperSignature(int helper) {
    return "private void helper" + helper + "()";
  }

  @Override
  List<String> hookSignature(DeviceProgram p, Role role) {
    String name =
        switch (role) {
          case INSTANCE_INIT -> "instanceInit";
          case REALIZE -> "realize";
          case UNREALIZE -> p.hotPluggable() ? "exit" : "unrealize";
          case INSTANCE_FINALIZE -> "instanceFinalize";
          default ->
              throw new IllegalArgumentException("not a hook of a generated device: " + role);
        };
    return List.of(
        "@Override", "protected void " + name + (role == Role.REALIZE ? "(Error errp)" : "()"));
  }

  @Override
  List<String> hookPrologue(DeviceProgram p, Role role) {
    return List.of();
  }

  @Override
  String init(DeviceProgram p, Operation.Init<Slot> s) {
    int region = Slot.region(s.region());
    // The factory's owner is the field being assigned: the region owns itself (MR009).
    String owner = owner(s.owner(), "this", "peer", "null", region(p, region));
    String name = "\"selftest-" + field(p, region) + "\"";
    String factory =
        switch (s.kind()) {
          case CONTAINER -> "MemoryRegion.container(" + owner + ", " + name + ", 0x10000)";
          case RAM -> "MemoryRegion.ram(" + owner + ", " + name + ", 0x1000)";
          case ALIAS ->
              "MemoryRegion.alias("
                  + owner
                  + ", "
                  + name
                  + ", "
                  + region(p, Slot.region(s.aliasTarget()))
                  + ", 0, 0x100)";
          default -> "MemoryRegion.io(" + owner + ", OPS, " + name + ", 0x100)";
        };
    return region(p, region) + " = " + factory + ";";
  }

  @Override
  String addSubregion(DeviceProgram p, Slot container, int region) {
    return container(p, container)
        + ".addSubregion("
        + offset(region)
        + ", "
        + region(p, region)
        + ");";
  }

  @Override
  String delSubregion(DeviceProgram p, Slot container, int region) {
    return container(p, container) + ".delSubregion(" + region(p, region) + ");";
  }

  @Override
  String ref(DeviceProgram p, int region) {
    return region(p, region) + ".ref();";
  }

  @Override
  String unref(DeviceProgram p, int region) {
    return region(p, region) + ".unref();";
  }

  @Override
  String unparent(DeviceProgram p, int region) {
    return region(p, region) + ".unparent();";
  }

  @Override
  String free(DeviceProgram p, int region) {
    return region(p, region) + ".free();";
  }

  @Override
  String addressSpaceInit(DeviceProgram p, int space, Slot root) {
    String over = container(p, root);
    return "as" + space + " = AddressSpace.create(" + over + ", \"selftest-as" + space + "\");";
  }

  @Override
  String addressSpaceDestroy(DeviceProgram p, int space) {
    return "as" + space + ".destroy();";
  }

  @Override
  String freeAddressSpace(DeviceProgram p, int space, boolean rcu) {
    return "as" + space + (rcu ? ".freeRcu();" : ".free();");
  }

  @Override
  String find(DeviceProgram p, int section) {
    return "sec" + section + " = MemoryRegion.systemMemory().find(0x100000L, 4L);";
  }

  @Override
  String unrefFound(DeviceProgram p, int section) {
    return "sec" + section + ".mr.unref();";
  }

  @Override
  String reportError(int flag) {
    return "errp.setg(\"selftest: failure " + flag + "\");";
  }

  @Override
  String sectionDeclaration(int section) {
    return "RegionSection sec" + section + " = null;";
  }

  @Override
  String runtimeSignature() {
    return "private void mmioWrite(long addr, long value, int size)";
  }

  @Override
  List<String> runtimePrologue() {
    return List.of();
  }

  @Override
  String callHelper(DeviceProgram p, int helper) {
    return "helper" + helper + "();";
  }

  @Override
  String failed(int flag) {
    return "fail" + flag;
  }

  private static String region(DeviceProgram p, int index) {
    RegionField f = p.regions().get(index);
    return f.shape() == DeviceProgram.Shape.ARRAY ? f.name() + "[1]" : f.name();
  }

  private static String container(DeviceProgram p, Slot c) {
    return c == Slot.Fixed.SYSTEM_MEMORY
        ? "MemoryRegion.systemMemory()"
        : region(p, Slot.region(c));
  }
}
