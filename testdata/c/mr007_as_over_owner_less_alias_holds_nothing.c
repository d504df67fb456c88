/*
 * PCI function whose DMA address space is over a heap alias of its own
 * buffer; the alias is created with owner NULL (a machine-wide view).  Exit
 * destroys the address space and unparents the alias, and
 * instance_finalize frees the heap address space.
 *
 * An owner-less region is never reference counted: under every semantics
 * the address space holds neither the alias nor, through it, the buffer it
 * aliases.  Nothing keeps the function alive after unplug: it is finalized
 * at once and frees the address space while the destroy's RCU callback is
 * still queued.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_NULLVIEW "nullview"
OBJECT_DECLARE_SIMPLE_TYPE(NullviewState, NULLVIEW)

struct NullviewState {
    PCIDevice parent_obj;

    MemoryRegion buf;
    MemoryRegion *view;
    AddressSpace *dma_as;
};

static void nullview_instance_init(Object *obj)
{
    NullviewState *s = NULLVIEW(obj);

    memory_region_init_io(&s->buf, OBJECT(s), NULL, s, "nullview.buf", 0x100);
    s->view = g_new0(MemoryRegion, 1);
    memory_region_init_alias(s->view, NULL, "nullview.view", &s->buf, 0, 0x100);
}

static void nullview_realize(PCIDevice *pdev, Error **errp)
{
    NullviewState *s = NULLVIEW(pdev);

    s->dma_as = g_new0(AddressSpace, 1);
    address_space_init(s->dma_as, s->view, "nullview.dma");
}

static void nullview_exit(PCIDevice *pdev)
{
    NullviewState *s = NULLVIEW(pdev);

    address_space_destroy(s->dma_as);
    object_unparent(OBJECT(s->view));
}

static void nullview_instance_finalize(Object *obj)
{
    NullviewState *s = NULLVIEW(obj);

    // BUG: MR007 right after address_space_destroy(s->dma_as)
    g_free(s->dma_as);
}

static void nullview_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = nullview_realize;
    k->exit = nullview_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1347;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo nullview_info = {
    .name          = TYPE_NULLVIEW,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(NullviewState),
    .instance_init = nullview_instance_init,
    .instance_finalize = nullview_instance_finalize,
    .class_init    = nullview_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void nullview_register_types(void)
{
    type_register_static(&nullview_info);
}

type_init(nullview_register_types)
