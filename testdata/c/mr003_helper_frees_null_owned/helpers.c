/*
 * Shared teardown helper of the relreg card (dev.c).  It is called once
 * with a region the device owns (fine) and once with an owner-less RAM
 * region (unparenting that is the bug, reported here where the call is).
 */
#include "qemu/osdep.h"
#include "system/memory.h"

void relreg_drop_region(MemoryRegion *mr)
{
    // BUG: MR003
    object_unparent(OBJECT(mr));
}
