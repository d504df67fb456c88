/*
 * Streaming PCI card that pins its own descriptor window twice in realize
 * (once for the DMA engine, once in a helper for the doorbell poller) and
 * drops one reference in exit.  A reference count is a number: two refs
 * and one unref leave the device holding one reference on its own region,
 * so it is never finalized after hot-unplug.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_STREAMER "streamer"
OBJECT_DECLARE_SIMPLE_TYPE(StreamerState, STREAMER)

struct StreamerState {
    PCIDevice parent_obj;

    MemoryRegion desc;
    uint32_t head;
};

static uint64_t streamer_desc_read(void *opaque, hwaddr addr, unsigned size)
{
    StreamerState *s = opaque;

    return addr == 0 ? s->head : 0;
}

static void streamer_desc_write(void *opaque, hwaddr addr, uint64_t val,
                                unsigned size)
{
    StreamerState *s = opaque;

    if (addr == 0) {
        s->head = val;
    }
}

static const MemoryRegionOps streamer_desc_ops = {
    .read = streamer_desc_read,
    .write = streamer_desc_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void streamer_start_poller(StreamerState *s)
{
    /* the poller's reference: the youngest, the one exit's unref gives back */
    memory_region_ref(&s->desc);
}

static void streamer_realize(PCIDevice *pdev, Error **errp)
{
    StreamerState *s = STREAMER(pdev);

    memory_region_init_io(&s->desc, OBJECT(s), &streamer_desc_ops, s,
                          "streamer-desc", 0x1000);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->desc);
    /* the DMA engine's reference: older than the poller's, never given back */
    // BUG: MR001
    memory_region_ref(&s->desc);
    streamer_start_poller(s);
}

static void streamer_exit(PCIDevice *pdev)
{
    StreamerState *s = STREAMER(pdev);

    memory_region_unref(&s->desc);
}

static void streamer_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = streamer_realize;
    k->exit = streamer_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10f3;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo streamer_info = {
    .name          = TYPE_STREAMER,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(StreamerState),
    .class_init    = streamer_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void streamer_register_types(void)
{
    type_register_static(&streamer_info);
}

type_init(streamer_register_types)
