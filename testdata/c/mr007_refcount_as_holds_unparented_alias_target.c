/*
 * PCI function that hands its buffer over to the host: the host object owns
 * an alias of it, and realize drops the function's own child link to the
 * buffer right away.  Realize then makes a DMA address space over the
 * host's alias; exit destroys it and instance_finalize frees it.
 *
 * Legacy and current QEMU: the address space's reference is on the alias's
 * owner, the host: nothing keeps the function alive after unplug, and the
 * g_free comes while the destroy's RCU callback is still queued.  With the
 * refcount series the address space holds the alias, the alias holds the
 * buffer, and the buffer, no longer the function's child, holds the
 * function: it is finalized only after the callback has run (if ever: the
 * host's alias still holds the buffer afterwards).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_HANDOVER "handover"
OBJECT_DECLARE_SIMPLE_TYPE(HandoverState, HANDOVER)

struct HandoverState {
    PCIDevice parent_obj;

    MemoryRegion buf;
    MemoryRegion host_view;
    AddressSpace *dma_as;
    Object *host;
};

static void handover_instance_init(Object *obj)
{
    HandoverState *s = HANDOVER(obj);

    memory_region_init_ram(&s->buf, OBJECT(s), "handover.buf", 0x1000, &error_fatal);
    memory_region_init_alias(&s->host_view, OBJECT(s->host), "handover.view", &s->buf, 0, 0x1000);
}

static void handover_realize(PCIDevice *pdev, Error **errp)
{
    HandoverState *s = HANDOVER(pdev);

    object_unparent(OBJECT(&s->buf));
    s->dma_as = g_new0(AddressSpace, 1);
    address_space_init(s->dma_as, &s->host_view, "handover.dma");
}

static void handover_exit(PCIDevice *pdev)
{
    HandoverState *s = HANDOVER(pdev);

    address_space_destroy(s->dma_as);
}

static void handover_instance_finalize(Object *obj)
{
    HandoverState *s = HANDOVER(obj);

    // BUG(legacy,current): MR007 right after address_space_destroy(s->dma_as)
    g_free(s->dma_as);
}

static void handover_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = handover_realize;
    k->exit = handover_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1348;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo handover_info = {
    .name          = TYPE_HANDOVER,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(HandoverState),
    .instance_init = handover_instance_init,
    .instance_finalize = handover_instance_finalize,
    .class_init    = handover_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void handover_register_types(void)
{
    type_register_static(&handover_info);
}

type_init(handover_register_types)
