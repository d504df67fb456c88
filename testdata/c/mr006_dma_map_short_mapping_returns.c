/*
 * PCI blitter that maps the guest source buffer with dma_memory_map() when
 * the guest rings the doorbell.  A failed map returns early (fine); a short
 * mapping returns too, without dma_memory_unmap().
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_BLITDMA "blitdma"
OBJECT_DECLARE_SIMPLE_TYPE(BlitdmaState, BLITDMA)

struct BlitdmaState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    uint64_t src;
    uint32_t len;
    uint8_t line[256];
};

static void blitdma_kick(BlitdmaState *s)
{
    dma_addr_t plen = s->len;
    uint8_t *buf;

    // BUG: MR006 address_space_map
    buf = dma_memory_map(&address_space_memory, s->src, &plen,
                         DMA_DIRECTION_TO_DEVICE, MEMTXATTRS_UNSPECIFIED);
    if (!buf) {
        return;
    }
    if (plen < s->len) {
        return;
    }
    memcpy(s->line, buf, MIN(s->len, sizeof(s->line)));
    dma_memory_unmap(&address_space_memory, buf, plen,
                     DMA_DIRECTION_TO_DEVICE, plen);
}

static uint64_t blitdma_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void blitdma_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
    BlitdmaState *s = opaque;

    switch (addr) {
    case 0:
        s->src = val;
        break;
    case 8:
        s->len = val;
        break;
    case 12:
        blitdma_kick(s);
        break;
    }
}

static const MemoryRegionOps blitdma_ops = {
    .read = blitdma_read,
    .write = blitdma_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void blitdma_realize(PCIDevice *pdev, Error **errp)
{
    BlitdmaState *s = BLITDMA(pdev);

    memory_region_init_io(&s->regs, OBJECT(s), &blitdma_ops, s,
                          "blitdma-regs", 0x20);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
}

static void blitdma_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = blitdma_realize;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1303;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo blitdma_info = {
    .name          = TYPE_BLITDMA,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(BlitdmaState),
    .class_init    = blitdma_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void blitdma_register_types(void)
{
    type_register_static(&blitdma_info);
}

type_init(blitdma_register_types)
