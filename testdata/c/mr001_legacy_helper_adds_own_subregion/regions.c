// OK: MR001 under current and refcount: the same-owner capability subregions are auto-detached
/*
 * Helpers of the nvcap transport: map one capability region into the
 * modern BAR.  The BAR and the capability both belong to the device
 * calling this from realize (dev.c); under legacy semantics the add makes
 * the device reference itself unless exit deletes the subregion again.
 */
#include "qemu/osdep.h"
#include "system/memory.h"
#include "nvcap.h"

void nvcap_region_map(NvcapRegion *region, MemoryRegion *bar)
{
    // BUG(legacy): MR001
    memory_region_add_subregion(bar, region->offset, &region->mr);
}
