/*
 * A cut-down memory API header for this case: the static inline predicates
 * read a field through the region pointer and keep nothing, as QEMU's
 * include/system/memory.h ones do.  Scanning this header with the device
 * must not change what is found in the device.
 */
#ifndef SYSTEM_MEMORY_H
#define SYSTEM_MEMORY_H

struct MemoryRegion {
    Object parent_obj;
    bool ram;
    bool readonly;
    bool rom_device;
    bool romd_mode;
    RAMBlock *ram_block;
};

static inline bool memory_region_is_ram(const MemoryRegion *mr)
{
    return mr->ram;
}

static inline bool memory_region_is_romd(const MemoryRegion *mr)
{
    return mr->rom_device && mr->romd_mode;
}

static inline bool memory_region_is_rom(const MemoryRegion *mr)
{
    return memory_region_is_ram(mr) && mr->readonly;
}

/* Drops the reference of a memory_region_find() result (makes this header one the scan parses). */
static inline void memory_region_section_put(MemoryRegionSection *section)
{
    memory_region_unref(section->mr);
}

#endif
