// OK: MR006 probing for a free slot: a hit is unref'd at once, a miss took nothing
/*
 * Bus helper that walks its window for a gap, reading the .mr of each
 * memory_region_find result directly.
 */
#include "qemu/osdep.h"
#include "system/memory.h"

typedef struct GapBus {
    MemoryRegion window;
    uint64_t window_size;
} GapBus;

uint64_t gapbus_find_gap(GapBus *b, uint64_t size)
{
    uint64_t off;

    for (off = 0; off < b->window_size; off += size) {
        // OK: MR006 the branch that keeps going has unref'd it
        MemoryRegion *mr = memory_region_find(&b->window, off, size).mr;
        if (!mr) {
            return off;
        }
        memory_region_unref(mr);
    }
    return UINT64_MAX;
}
