/*
 * Hot-pluggable PCI DMA engine with an address space over its own DMA
 * root.  Exit destroys the address space and then parks a mirror of the
 * host bridge's registers (owned by the bridge object) in the root;
 * instance_finalize unparents the mirror.
 *
 * With the refcount series the destroy drops its reference on the root in
 * an RCU callback, and the root, which qdev unparented, holds the device
 * until then: by the time the device is finalized the root is gone, and
 * its finalization deleted the mirror from it.  Under legacy and current
 * semantics QOM finalized the root with the device's children.  The mirror
 * is not mapped when it is unparented.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_DMAPARK "dmapark"
OBJECT_DECLARE_SIMPLE_TYPE(DmaparkState, DMAPARK)

struct DmaparkState {
    PCIDevice parent_obj;

    MemoryRegion dma_root;
    MemoryRegion mirror;
    AddressSpace dma_as;
    Object *bridge;
};

static uint64_t dmapark_mirror_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void dmapark_mirror_write(void *opaque, hwaddr addr, uint64_t val,
                                 unsigned size)
{
}

static const MemoryRegionOps dmapark_mirror_ops = {
    .read = dmapark_mirror_read,
    .write = dmapark_mirror_write,
};

static void dmapark_realize(PCIDevice *pdev, Error **errp)
{
    DmaparkState *s = DMAPARK(pdev);

    memory_region_init(&s->dma_root, OBJECT(s), "dmapark-root", UINT64_MAX);
    address_space_init(&s->dma_as, &s->dma_root, "dmapark-dma");
    memory_region_init_io(&s->mirror, s->bridge, &dmapark_mirror_ops, s,
                          "dmapark-mirror", 0x100);
}

static void dmapark_exit(PCIDevice *pdev)
{
    DmaparkState *s = DMAPARK(pdev);

    address_space_destroy(&s->dma_as);
    memory_region_add_subregion(&s->dma_root, 0x1000, &s->mirror);
}

static void dmapark_instance_finalize(Object *obj)
{
    DmaparkState *s = DMAPARK(obj);

    // OK: MR002 the root was finalized after the destroy's RCU callback
    object_unparent(OBJECT(&s->mirror));
}

static void dmapark_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = dmapark_realize;
    k->exit = dmapark_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1352;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo dmapark_info = {
    .name          = TYPE_DMAPARK,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(DmaparkState),
    .instance_finalize = dmapark_instance_finalize,
    .class_init    = dmapark_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void dmapark_register_types(void)
{
    type_register_static(&dmapark_info);
}

type_init(dmapark_register_types)
