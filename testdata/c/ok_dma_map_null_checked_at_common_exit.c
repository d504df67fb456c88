// OK: MR006 a buffer that starts NULL, mapped on one path, unmapped at the common exit if set
/*
 * PCI controller command that maps a guest descriptor, bails out through
 * one label, and unmaps there only when the mapping was made. Also a
 * helper that hands its mapping back through a pointer parameter.
 */
#include "qemu/osdep.h"
#include "hw/pci/pci_device.h"
#include "system/dma.h"

typedef struct RingDesc {
    uint32_t entries;
    uint32_t base_lo;
    uint32_t base_hi;
} RingDesc;

typedef struct RingCtlState {
    PCIDevice parent_obj;
    uint64_t ring_pa;
    uint32_t ring_len;
    uint32_t max_entries;
    uint8_t *status_page;
} RingCtlState;

static int ringctl_setup(RingCtlState *s, uint64_t desc_pa)
{
    PCIDevice *pcid = PCI_DEVICE(s);
    dma_addr_t len = sizeof(RingDesc);
    RingDesc *desc = NULL;
    int ret = 0;

    if (s->ring_pa) {
        goto out;
    }
    // OK: MR006 unmapped at out whenever it was mapped
    desc = pci_dma_map(pcid, desc_pa, &len, DMA_DIRECTION_TO_DEVICE);
    if (!desc || len != sizeof(*desc)) {
        ret = -1;
        goto out;
    }
    if (le32_to_cpu(desc->entries) > s->max_entries) {
        ret = -2;
        goto out;
    }
    s->ring_len = le32_to_cpu(desc->entries);
    s->ring_pa = ((uint64_t)le32_to_cpu(desc->base_hi) << 32) |
                 le32_to_cpu(desc->base_lo);
out:
    if (desc) {
        pci_dma_unmap(pcid, desc, len, DMA_DIRECTION_TO_DEVICE, 0);
    }
    return ret;
}

static void ringctl_map_page(AddressSpace *as, uint8_t **page, dma_addr_t addr,
                             dma_addr_t wanted)
{
    dma_addr_t len = wanted;

    if (*page) {
        dma_memory_unmap(as, *page, len, DMA_DIRECTION_FROM_DEVICE, len);
    }
    // OK: MR006 kept in the caller's *page until the next call unmaps it
    *page = dma_memory_map(as, addr, &len, DMA_DIRECTION_FROM_DEVICE,
                           MEMTXATTRS_UNSPECIFIED);
    if (len < wanted && *page) {
        dma_memory_unmap(as, *page, len, DMA_DIRECTION_FROM_DEVICE, len);
        *page = NULL;
    }
}

static void ringctl_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
    RingCtlState *s = opaque;

    if (addr == 0) {
        ringctl_setup(s, val);
    } else {
        ringctl_map_page(pci_get_address_space(PCI_DEVICE(s)), &s->status_page,
                         val, 4096);
    }
}

static const MemoryRegionOps ringctl_ops = {
    .write = ringctl_write,
};
