/*
 * PCI function whose DMA view is an address space over an alias of its own
 * buffer region; the alias belongs to the host object it was plugged into.
 * Exit destroys the address space and unparents the alias, and
 * instance_finalize frees the heap address space.
 *
 * Legacy and current QEMU: the address space's reference is on the alias's
 * owner, the host, so nothing keeps the function alive after unplug: it is
 * finalized at once and frees the address space while the destroy's RCU
 * callback is still queued.  With the refcount series the address space
 * holds the alias, the alias holds the buffer it aliases, and the buffer,
 * unparented by qdev after exit, holds the function until the callback has
 * run.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_HOSTFN "hostfn"
OBJECT_DECLARE_SIMPLE_TYPE(HostfnState, HOSTFN)

struct HostfnState {
    PCIDevice parent_obj;

    MemoryRegion buf;
    MemoryRegion host_view;
    AddressSpace *dma_as;
    Object *host;
};

static void hostfn_realize(PCIDevice *pdev, Error **errp)
{
    HostfnState *s = HOSTFN(pdev);

    memory_region_init_ram(&s->buf, OBJECT(s), "hostfn.buf", 0x1000, &error_fatal);
    memory_region_init_alias(&s->host_view, OBJECT(s->host), "hostfn.view", &s->buf, 0, 0x1000);
    s->dma_as = g_new0(AddressSpace, 1);
    address_space_init(s->dma_as, &s->host_view, "hostfn.dma");
}

static void hostfn_exit(PCIDevice *pdev)
{
    HostfnState *s = HOSTFN(pdev);

    address_space_destroy(s->dma_as);
    object_unparent(OBJECT(&s->host_view));
}

static void hostfn_instance_finalize(Object *obj)
{
    HostfnState *s = HOSTFN(obj);

    // BUG(legacy,current): MR007 right after address_space_destroy(s->dma_as)
    g_free(s->dma_as);
}

static void hostfn_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = hostfn_realize;
    k->exit = hostfn_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1345;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo hostfn_info = {
    .name          = TYPE_HOSTFN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(HostfnState),
    .instance_finalize = hostfn_instance_finalize,
    .class_init    = hostfn_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void hostfn_register_types(void)
{
    type_register_static(&hostfn_info);
}

type_init(hostfn_register_types)
