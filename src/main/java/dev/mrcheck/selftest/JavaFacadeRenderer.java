package dev.mrcheck.selftest;

import dev.mrcheck.model.Role;
import dev.mrcheck.selftest.DeviceProgram.AddSubregion;
import dev.mrcheck.selftest.DeviceProgram.AddressSpaceDestroy;
import dev.mrcheck.selftest.DeviceProgram.AddressSpaceInit;
import dev.mrcheck.selftest.DeviceProgram.CallHelper;
import dev.mrcheck.selftest.DeviceProgram.Container;
import dev.mrcheck.selftest.DeviceProgram.DelSubregion;
import dev.mrcheck.selftest.DeviceProgram.Find;
import dev.mrcheck.selftest.DeviceProgram.Free;
import dev.mrcheck.selftest.DeviceProgram.FreeAddressSpace;
import dev.mrcheck.selftest.DeviceProgram.Init;
import dev.mrcheck.selftest.DeviceProgram.Ref;
import dev.mrcheck.selftest.DeviceProgram.RegionField;
import dev.mrcheck.selftest.DeviceProgram.Unparent;
import dev.mrcheck.selftest.DeviceProgram.Unref;
import dev.mrcheck.selftest.DeviceProgram.UnrefFound;
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
  String init(DeviceProgram p, Init s) {
    String owner =
        switch (s.owner()) {
          case SELF -> "this";
          case OTHER -> "peer";
          case NONE -> "null";
          // The factory's owner is the field being assigned: the region owns itself (MR009).
          case REGION -> region(p, s.region());
        };
    String name = "\"selftest-" + field(p, s.region()) + "\"";
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
                  + region(p, s.aliasOf())
                  + ", 0, 0x100)";
          default -> "MemoryRegion.io(" + owner + ", OPS, " + name + ", 0x100)";
        };
    return region(p, s.region()) + " = " + factory + ";";
  }

  @Override
  String addSubregion(DeviceProgram p, AddSubregion s) {
    return container(p, s.container())
        + ".addSubregion("
        + offset(s)
        + ", "
        + region(p, s.region())
        + ");";
  }

  @Override
  String delSubregion(DeviceProgram p, DelSubregion s) {
    return container(p, s.container()) + ".delSubregion(" + region(p, s.region()) + ");";
  }

  @Override
  String ref(DeviceProgram p, Ref s) {
    return region(p, s.region()) + ".ref();";
  }

  @Override
  String unref(DeviceProgram p, Unref s) {
    return region(p, s.region()) + ".unref();";
  }

  @Override
  String unparent(DeviceProgram p, Unparent s) {
    return region(p, s.region()) + ".unparent();";
  }

  @Override
  String free(DeviceProgram p, Free s) {
    return region(p, s.region()) + ".free();";
  }

  @Override
  String addressSpaceInit(DeviceProgram p, AddressSpaceInit s) {
    String root = s.overSystemMemory() ? "MemoryRegion.systemMemory()" : region(p, s.root());
    return "as"
        + s.space()
        + " = AddressSpace.create("
        + root
        + ", \"selftest-as"
        + s.space()
        + "\");";
  }

  @Override
  String addressSpaceDestroy(DeviceProgram p, AddressSpaceDestroy s) {
    return "as" + s.space() + ".destroy();";
  }

  @Override
  String freeAddressSpace(DeviceProgram p, FreeAddressSpace s) {
    return "as" + s.space() + (s.rcu() ? ".freeRcu();" : ".free();");
  }

  @Override
  String find(DeviceProgram p, Find s) {
    return "sec" + s.section() + " = MemoryRegion.systemMemory().find(0x100000L, 4L);";
  }

  @Override
  String unrefFound(DeviceProgram p, UnrefFound s) {
    return "sec" + s.section() + ".mr.unref();";
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
  String callHelper(DeviceProgram p, CallHelper s) {
    return "helper" + s.helper() + "();";
  }

  @Override
  String failed(int flag) {
    return "fail" + flag;
  }

  private static String region(DeviceProgram p, int index) {
    RegionField f = p.regions().get(index);
    return f.shape() == DeviceProgram.Shape.ARRAY ? f.name() + "[1]" : f.name();
  }

  private static String container(DeviceProgram p, Container c) {
    return c.isSystemMemory() ? "MemoryRegion.systemMemory()" : region(p, c.region());
  }
}
