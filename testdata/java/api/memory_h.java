package api;

import java.lang.foreign.MemorySegment;

/** Stub in the shape jextract generates for include/system/memory.h: C names, segment handles. */
public final class memory_h {
  private memory_h() {}

  public static native void memory_region_init(MemorySegment mr, MemorySegment owner, MemorySegment name, long size);

  public static native void memory_region_init_io(
      MemorySegment mr, MemorySegment owner, MemorySegment ops, MemorySegment opaque, MemorySegment name, long size);

  public static native void memory_region_init_ram(
      MemorySegment mr, MemorySegment owner, MemorySegment name, long size, MemorySegment errp);

  public static native void memory_region_init_alias(
      MemorySegment mr, MemorySegment owner, MemorySegment name, MemorySegment orig, long offset, long size);

  public static native void memory_region_add_subregion(MemorySegment container, long offset, MemorySegment sub);

  public static native void memory_region_del_subregion(MemorySegment container, MemorySegment sub);

  public static native boolean memory_region_is_mapped(MemorySegment mr);

  public static native void memory_region_ref(MemorySegment mr);

  public static native void memory_region_unref(MemorySegment mr);

  public static native MemorySegment get_system_memory();

  public static native MemoryRegionSection memory_region_find(MemorySegment mr, long addr, long size);

  public static native void address_space_init(MemorySegment as, MemorySegment root, MemorySegment name);

  public static native void address_space_destroy(MemorySegment as);
}
