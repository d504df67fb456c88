/*
 * Hot-pluggable PCI DMA engine that translates its bus-master accesses
 * through a private address space rooted at its "dma-root" container.
 * exit destroys the address space, then re-homes the doorbell in the
 * root before it tears the root down, and unparents the doorbell last.
 *
 * address_space_destroy drops its reference on the root only in an RCU
 * callback, after exit returns.  Under legacy and current semantics that
 * reference is on the owner, so the root's unparent finalizes it and
 * memory_region_finalize deletes the doorbell from it.  Under the
 * refcount series the pending destroy still holds the root itself: it
 * lives on with the doorbell mapped inside, and the doorbell is
 * unparented while mapped.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_DMAENG "dmaeng"
OBJECT_DECLARE_SIMPLE_TYPE(DmaengState, DMAENG)

struct DmaengState {
    PCIDevice parent_obj;

    MemoryRegion dma_root;
    MemoryRegion doorbell;
    AddressSpace dma_as;
};

static uint64_t dmaeng_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void dmaeng_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
}

static const MemoryRegionOps dmaeng_ops = {
    .read = dmaeng_read,
    .write = dmaeng_write,
};

static void dmaeng_realize(PCIDevice *pdev, Error **errp)
{
    DmaengState *s = DMAENG(pdev);

    memory_region_init(&s->dma_root, OBJECT(s), "dmaeng-root", UINT64_MAX);
    address_space_init(&s->dma_as, &s->dma_root, "dmaeng-dma");
    memory_region_init_io(&s->doorbell, OBJECT(s), &dmaeng_ops, s,
                          "dmaeng-doorbell", 0x100);
}

static void dmaeng_exit(PCIDevice *pdev)
{
    DmaengState *s = DMAENG(pdev);

    address_space_destroy(&s->dma_as);
    memory_region_add_subregion(&s->dma_root, 0x1000, &s->doorbell);
    // OK: MR002 the address space is gone; its destroy only holds the root
    object_unparent(OBJECT(&s->dma_root));
    // BUG(refcount): MR002 still be mapped in s->dma_root
    object_unparent(OBJECT(&s->doorbell));
}

static void dmaeng_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = dmaeng_realize;
    k->exit = dmaeng_exit;
}

static const TypeInfo dmaeng_info = {
    .name          = TYPE_DMAENG,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(DmaengState),
    .class_init    = dmaeng_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void dmaeng_register_types(void)
{
    type_register_static(&dmaeng_info);
}

type_init(dmaeng_register_types)
