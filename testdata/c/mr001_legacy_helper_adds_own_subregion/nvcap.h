/* Capability regions of the nvcap virtio-pci-like transport (dev.c, regions.c). */
#ifndef NVCAP_H
#define NVCAP_H

#include "system/memory.h"

typedef struct NvcapRegion {
    MemoryRegion mr;
    uint32_t offset;
    uint32_t size;
} NvcapRegion;

void nvcap_region_map(NvcapRegion *region, MemoryRegion *bar);

#endif
