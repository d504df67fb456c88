// OK: MR006 a section handed back through an out parameter is the caller's to release
/*
 * Display helper that looks up the framebuffer section into the caller's
 * MemoryRegionSection and keeps its reference there until the next lookup.
 */
#include "qemu/osdep.h"
#include "system/memory.h"

void fbwatch_lookup(MemoryRegionSection *sec, MemoryRegion *root,
                    hwaddr base, hwaddr len)
{
    if (sec->mr) {
        memory_region_unref(sec->mr);
        sec->mr = NULL;
    }

    // OK: MR006 stored through sec, which the caller keeps
    *sec = memory_region_find(root, base, len);
    if (!sec->mr) {
        return;
    }
    if (int128_get64(sec->size) < len) {
        memory_region_unref(sec->mr);
        sec->mr = NULL;
        return;
    }
    memory_region_set_log(sec->mr, true, DIRTY_MEMORY_VGA);
}
