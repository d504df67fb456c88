// OK: MR006 a map helper returns NULL on failure or the buffer; callers test it with == NULL
/*
 * Ring device whose header map helper unmaps a short mapping and returns
 * NULL, else hands the buffer to the caller, which unmaps it when done.
 */
#include "qemu/osdep.h"
#include "system/dma.h"
#include "system/memory.h"

typedef struct RingHdr {
    uint32_t head;
    uint32_t tail;
} RingHdr;

typedef struct RingState {
    AddressSpace *as;
    dma_addr_t hdr_addr;
    uint32_t last_head;
} RingState;

static RingHdr *ring_map_hdr(RingState *r)
{
    RingHdr *hdr;
    dma_addr_t len = sizeof(*hdr);

    hdr = dma_memory_map(r->as, r->hdr_addr, &len, DMA_DIRECTION_FROM_DEVICE,
                         MEMTXATTRS_UNSPECIFIED);
    if (len != sizeof(*hdr)) {
        dma_memory_unmap(r->as, hdr, len, DMA_DIRECTION_FROM_DEVICE, 0);
        return NULL;
    }
    return hdr;
}

static void ring_unmap_hdr(RingState *r, RingHdr *hdr)
{
    dma_memory_unmap(r->as, hdr, sizeof(*hdr), DMA_DIRECTION_FROM_DEVICE, 0);
}

int ring_poll(RingState *r)
{
    RingHdr *hdr = ring_map_hdr(r);

    if (hdr == NULL) {
        return -1;
    }
    r->last_head = hdr->head;
    ring_unmap_hdr(r, hdr);
    return 0;
}

int ring_peek(RingState *r, uint64_t addr, hwaddr want)
{
    hwaddr plen = want;
    // OK: MR006 the NULL branch took nothing, the other unmaps it
    void *buf = address_space_map(r->as, addr, &plen, false,
                                  MEMTXATTRS_UNSPECIFIED);

    if (NULL == buf) {
        return -1;
    }
    r->last_head = ldl_le_p(buf);
    address_space_unmap(r->as, buf, plen, false, plen);
    return 0;
}
