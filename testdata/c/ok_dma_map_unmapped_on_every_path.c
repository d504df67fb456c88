// OK: MR006 mapping released on every path (goto out)
/*
 * PCI blitter that unmaps its DMA buffer on the short-mapping path too.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_BLITOK "blitok"
OBJECT_DECLARE_SIMPLE_TYPE(BlitokState, BLITOK)

struct BlitokState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    uint64_t src;
    uint32_t len;
    uint8_t line[256];
};

static void blitok_kick(BlitokState *s)
{
    dma_addr_t plen = s->len;
    uint8_t *buf;

    buf = dma_memory_map(&address_space_memory, s->src, &plen,
                         DMA_DIRECTION_TO_DEVICE, MEMTXATTRS_UNSPECIFIED);
    if (!buf) {
        return;
    }
    if (plen < s->len) {
        goto out;
    }
    memcpy(s->line, buf, MIN(s->len, sizeof(s->line)));
out:
    dma_memory_unmap(&address_space_memory, buf, plen,
                     DMA_DIRECTION_TO_DEVICE, plen);
}

static uint64_t blitok_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void blitok_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
    BlitokState *s = opaque;

    if (addr == 12) {
        blitok_kick(s);
    }
}

static const MemoryRegionOps blitok_ops = {
    .read = blitok_read,
    .write = blitok_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void blitok_realize(PCIDevice *pdev, Error **errp)
{
    BlitokState *s = BLITOK(pdev);

    memory_region_init_io(&s->regs, OBJECT(s), &blitok_ops, s, "blitok", 0x20);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
}

static void blitok_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = blitok_realize;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1332;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo blitok_info = {
    .name          = TYPE_BLITOK,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(BlitokState),
    .class_init    = blitok_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void blitok_register_types(void)
{
    type_register_static(&blitok_info);
}

type_init(blitok_register_types)
