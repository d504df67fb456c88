/*
 * The DMA engine of mr002_container_held_by_pending_as_destroy.c, with
 * a heap address space that exit hands to g_free_rcu right after its
 * destroy: the second RCU callback overwrites the first (MR007), so the
 * destroy never takes effect and never drops its reference on the root.
 * Under the refcount series the root then lives on for good, with the
 * doorbell mapped inside it when the doorbell is unparented.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_DMALOST "dmalost"
OBJECT_DECLARE_SIMPLE_TYPE(DmalostState, DMALOST)

struct DmalostState {
    PCIDevice parent_obj;

    MemoryRegion dma_root;
    MemoryRegion doorbell;
    AddressSpace *dma_as;
};

static uint64_t dmalost_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void dmalost_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
}

static const MemoryRegionOps dmalost_ops = {
    .read = dmalost_read,
    .write = dmalost_write,
};

static void dmalost_realize(PCIDevice *pdev, Error **errp)
{
    DmalostState *s = DMALOST(pdev);

    memory_region_init(&s->dma_root, OBJECT(s), "dmalost-root", UINT64_MAX);
    s->dma_as = g_new0(AddressSpace, 1);
    address_space_init(s->dma_as, &s->dma_root, "dmalost-dma");
    memory_region_init_io(&s->doorbell, OBJECT(s), &dmalost_ops, s,
                          "dmalost-doorbell", 0x100);
}

static void dmalost_exit(PCIDevice *pdev)
{
    DmalostState *s = DMALOST(pdev);

    address_space_destroy(s->dma_as);
    // BUG: MR007 g_free_rcu
    g_free_rcu(s->dma_as, rcu);
    memory_region_add_subregion(&s->dma_root, 0x1000, &s->doorbell);
    // OK: MR002 the address space is gone; its lost destroy only holds the root
    object_unparent(OBJECT(&s->dma_root));
    // BUG(refcount): MR002 still be mapped in s->dma_root
    object_unparent(OBJECT(&s->doorbell));
}

static void dmalost_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = dmalost_realize;
    k->exit = dmalost_exit;
}

static const TypeInfo dmalost_info = {
    .name          = TYPE_DMALOST,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(DmalostState),
    .class_init    = dmalost_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void dmalost_register_types(void)
{
    type_register_static(&dmalost_info);
}

type_init(dmalost_register_types)
