/*
 * Shared ring code, used by several virtio backends. It maps the descriptor ring when the backend
 * starts and unmaps it when it stops. A device's unrealize calls ring_dev_set_running(r, false):
 * only the stop branch runs then, though a replay that does not follow the flag sees both.
 */
#include "qemu/osdep.h"
#include "system/memory.h"
#include "ring.h"

static void ring_dev_start(RingDev *r)
{
    hwaddr len = 0x1000;

    // OK: MR006 unrealize only ever stops the ring; start runs from the status callback
    r->desc = address_space_map(r->dma_as, 0x1000, &len, false, MEMTXATTRS_UNSPECIFIED);
    r->started = true;
}

static void ring_dev_stop(RingDev *r)
{
    address_space_unmap(r->dma_as, r->desc, 0x1000, false, 0);
    r->desc = NULL;
    r->started = false;
}

void ring_dev_set_running(RingDev *r, bool run)
{
    if (run == r->started) {
        return;
    }
    if (run) {
        ring_dev_start(r);
    } else {
        ring_dev_stop(r);
    }
}
