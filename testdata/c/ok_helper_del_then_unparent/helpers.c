// OK: MR002 the helper deletes the region from its container before unparenting it
/*
 * Generic teardown helper of the hwin device (dev.c): unmap, then drop.
 */
#include "qemu/osdep.h"
#include "system/memory.h"

void hwin_region_exit(MemoryRegion *container, MemoryRegion *mr)
{
    memory_region_del_subregion(container, mr);
    object_unparent(OBJECT(mr));
}
