/*
 * PCI DMA bridge that gives its engine an address space over a window of
 * the peer device it is linked to.  realize allocates the address space
 * either directly (the default) or through a helper that also names it
 * after the peer (the "named" property); exit destroys and frees it
 * through the one pointer.  Whichever branch made it, exit undoes it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_DMABRG "dmabrg"
OBJECT_DECLARE_SIMPLE_TYPE(DmabrgState, DMABRG)

struct DmabrgState {
    PCIDevice parent_obj;

    MemoryRegion *peer_window;
    AddressSpace *engine_as;
    bool named;
};

static void dmabrg_make_named_as(DmabrgState *s)
{
    s->engine_as = g_new0(AddressSpace, 1);
    // OK: MR007 exit destroys it, whichever branch allocated it
    address_space_init(s->engine_as, s->peer_window, "dmabrg-engine-peer");
}

static void dmabrg_realize(PCIDevice *pdev, Error **errp)
{
    DmabrgState *s = DMABRG(pdev);

    if (s->named) {
        dmabrg_make_named_as(s);
        return;
    }
    s->engine_as = g_new0(AddressSpace, 1);
    // OK: MR007 exit destroys it, whichever branch allocated it
    address_space_init(s->engine_as, s->peer_window, "dmabrg-engine");
}

static void dmabrg_exit(PCIDevice *pdev)
{
    DmabrgState *s = DMABRG(pdev);

    address_space_destroy_free(s->engine_as);
}

static void dmabrg_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = dmabrg_realize;
    k->exit = dmabrg_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10fd;
    k->class_id = PCI_CLASS_BRIDGE_OTHER;
}

static const TypeInfo dmabrg_info = {
    .name          = TYPE_DMABRG,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(DmabrgState),
    .class_init    = dmabrg_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void dmabrg_register_types(void)
{
    type_register_static(&dmabrg_info);
}

type_init(dmabrg_register_types)
