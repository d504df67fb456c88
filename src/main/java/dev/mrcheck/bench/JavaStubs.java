package dev.mrcheck.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The binding stubs every generated device compiles against, in package {@code api}: the
 * object-oriented facade (MemoryRegion, AddressSpace, the device base classes) and the
 * jextract-shaped FFM holders (memory_h, qom_h, pci_h). Methods are native so the stubs add no
 * bodies: what the calls do comes from the API model, as for real bindings.
 */
final class JavaStubs {
  static final String PACKAGE = "api";

  private static final Map<String, String> SOURCES = new LinkedHashMap<>();

  static {
    put(
        "MemoryRegion",
        ""
            + "/** Facade over a QEMU MemoryRegion; factories take the owning object first. */\n"
            + "public final class MemoryRegion {\n"
            + "  private MemoryRegion() {}\n\n"
            + "  public static native MemoryRegion io(Object owner, MemoryRegionOps ops, String name,"
            + " long size);\n\n"
            + "  public static native MemoryRegion ram(Object owner, String name, long size);\n\n"
            + "  public static native MemoryRegion container(Object owner, String name, long size);\n\n"
            + "  public static native MemoryRegion alias(\n"
            + "      Object owner, String name, MemoryRegion target, long offset, long size);\n\n"
            + "  public static native MemoryRegion systemMemory();\n\n"
            + "  public native void addSubregion(long offset, MemoryRegion sub);\n\n"
            + "  public native void addSubregionOverlap(long offset, MemoryRegion sub, int priority);\n\n"
            + "  public native void delSubregion(MemoryRegion sub);\n\n"
            + "  public native boolean isMapped();\n\n"
            + "  public native void ref();\n\n"
            + "  public native void unref();\n\n"
            + "  public native void unparent();\n"
            + "}\n");
    put(
        "MemoryRegionOps",
        ""
            + "/** Guest accesses to an I/O region. */\n"
            + "@FunctionalInterface\n"
            + "public interface MemoryRegionOps {\n"
            + "  long read(long addr, int size);\n\n"
            + "  default void write(long addr, long value, int size) {}\n"
            + "}\n");
    put(
        "AddressSpace",
        ""
            + "/** A view of memory from a root region; holds the root until destroyed. */\n"
            + "public final class AddressSpace {\n"
            + "  private AddressSpace() {}\n\n"
            + "  public static native AddressSpace create(MemoryRegion root, String name);\n\n"
            + "  public native void destroy();\n"
            + "}\n");
    put(
        "DeviceState",
        ""
            + "/** qdev base class; devices override the lifecycle steps they need. */\n"
            + "public abstract class DeviceState {\n"
            + "  protected native void instanceInit();\n\n"
            + "  protected native void realize();\n\n"
            + "  protected native void unrealize();\n\n"
            + "  protected native void instanceFinalize();\n\n"
            + "  public native boolean isHotpluggable();\n"
            + "}\n");
    put(
        "PCIDevice",
        ""
            + "/** A PCI function: hot-pluggable, torn down in exit(). */\n"
            + "public abstract class PCIDevice extends DeviceState {\n"
            + "  public static final int BAR_SPACE_MEMORY = 0;\n"
            + "  public static final int BAR_SPACE_IO = 1;\n\n"
            + "  protected native void exit();\n\n"
            + "  /** The PCI core maps and unmaps registered BARs itself. */\n"
            + "  public final native void registerBar(int bar, int type, MemoryRegion region);\n\n"
            + "  public final native MemoryRegion busMemory();\n"
            + "}\n");
    put(
        "SysBusDevice",
        ""
            + "/** A board-level device; never unplugged. */\n"
            + "public abstract class SysBusDevice extends DeviceState {\n"
            + "  /** Offers a region to the board, which maps it. */\n"
            + "  public final native void initMmio(MemoryRegion region);\n"
            + "}\n");
    put(
        "Strings",
        ""
            + "import java.lang.foreign.MemorySegment;\n\n"
            + "/** C strings for FFM calls. */\n"
            + "public final class Strings {\n"
            + "  private Strings() {}\n\n"
            + "  public static native MemorySegment cstring(String s);\n"
            + "}\n");
    put(
        "memory_h",
        ""
            + "import java.lang.foreign.MemorySegment;\n\n"
            + "/** Bindings of system/memory.h in jextract's shape. */\n"
            + "public final class memory_h {\n"
            + "  private memory_h() {}\n\n"
            + "  public static native void memory_region_init(\n"
            + "      MemorySegment mr, MemorySegment owner, MemorySegment name, long size);\n\n"
            + "  public static native void memory_region_init_io(MemorySegment mr, MemorySegment owner,\n"
            + "      MemorySegment ops, MemorySegment opaque, MemorySegment name, long size);\n\n"
            + "  public static native void memory_region_init_ram(MemorySegment mr, MemorySegment owner,\n"
            + "      MemorySegment name, long size, MemorySegment errp);\n\n"
            + "  public static native void memory_region_init_alias(MemorySegment mr, MemorySegment owner,\n"
            + "      MemorySegment name, MemorySegment orig, long offset, long size);\n\n"
            + "  public static native void memory_region_add_subregion(\n"
            + "      MemorySegment container, long offset, MemorySegment sub);\n\n"
            + "  public static native void memory_region_del_subregion(\n"
            + "      MemorySegment container, MemorySegment sub);\n\n"
            + "  public static native boolean memory_region_is_mapped(MemorySegment mr);\n\n"
            + "  public static native void memory_region_ref(MemorySegment mr);\n\n"
            + "  public static native void memory_region_unref(MemorySegment mr);\n\n"
            + "  public static native MemorySegment get_system_memory();\n\n"
            + "  public static native void address_space_init(\n"
            + "      MemorySegment as, MemorySegment root, MemorySegment name);\n\n"
            + "  public static native void address_space_destroy(MemorySegment as);\n"
            + "}\n");
    put(
        "qom_h",
        ""
            + "import java.lang.foreign.MemorySegment;\n\n"
            + "/** QOM bindings; ALL-CAPS functions are the cast macros. */\n"
            + "public final class qom_h {\n"
            + "  private qom_h() {}\n\n"
            + "  public static native MemorySegment OBJECT(Object obj);\n\n"
            + "  public static native MemorySegment DEVICE(Object obj);\n\n"
            + "  public static native void object_unparent(MemorySegment obj);\n\n"
            + "  public static native void object_unref(MemorySegment obj);\n"
            + "}\n");
    put(
        "pci_h",
        ""
            + "import java.lang.foreign.MemorySegment;\n\n"
            + "/** PCI bindings. */\n"
            + "public final class pci_h {\n"
            + "  private pci_h() {}\n\n"
            + "  public static native MemorySegment PCI_DEVICE(Object obj);\n\n"
            + "  public static native void pci_register_bar(\n"
            + "      MemorySegment dev, int bar, int type, MemorySegment mr);\n\n"
            + "  public static native MemorySegment pci_address_space(MemorySegment dev);\n"
            + "}\n");
    for (String hook : new String[] {"InstanceInit", "Realize", "Unrealize", "InstanceFinalize"}) {
      put(
          hook,
          ""
              + "import java.lang.annotation.ElementType;\n"
              + "import java.lang.annotation.Retention;\n"
              + "import java.lang.annotation.RetentionPolicy;\n"
              + "import java.lang.annotation.Target;\n\n"
              + "/** Marks a static FFM lifecycle hook; its first parameter is the device. */\n"
              + "@Retention(RetentionPolicy.RUNTIME)\n"
              + "@Target(ElementType.METHOD)\n"
              + "public @interface "
              + hook
              + " {}\n");
    }
  }

  static final int COUNT = SOURCES.size();

  private static void put(String name, String body) {
    SOURCES.put(name, "package " + PACKAGE + ";\n\n" + body);
  }

  /** Simple class names of the stubs, in a fixed order. */
  static Iterable<String> names() {
    return SOURCES.keySet();
  }

  static String source(String name) {
    return SOURCES.get(name);
  }

  private JavaStubs() {}
}
