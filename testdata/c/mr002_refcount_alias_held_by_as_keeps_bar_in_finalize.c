/*
 * PCI NIC whose DMA address space is built over an alias of its BAR
 * container.  exit unparents the alias while the address space still has
 * it as root (MR002), and parks an owner-less shadow register block in the
 * BAR; instance_finalize unparents the shadow block.
 *
 * With the refcount series the address space keeps the unparented alias
 * alive, and the alias keeps the BAR it aliases: qdev's unparent after
 * unrealize and QOM's child drop before instance_finalize do not finalize
 * the BAR, so the shadow block is still mapped in it when instance_finalize
 * unparents it.  Under legacy and current semantics the BAR was finalized
 * with the device's children and its finalization deleted the block.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_DMANIC "dmanic"
OBJECT_DECLARE_SIMPLE_TYPE(DmanicState, DMANIC)

struct DmanicState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion bar_view;
    MemoryRegion shadow;
    AddressSpace dma_as;
};

static uint64_t dmanic_shadow_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void dmanic_shadow_write(void *opaque, hwaddr addr, uint64_t val,
                                unsigned size)
{
}

static const MemoryRegionOps dmanic_shadow_ops = {
    .read = dmanic_shadow_read,
    .write = dmanic_shadow_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void dmanic_realize(PCIDevice *pdev, Error **errp)
{
    DmanicState *s = DMANIC(pdev);

    memory_region_init(&s->bar, OBJECT(s), "dmanic-bar", 0x10000);
    memory_region_init_alias(&s->bar_view, OBJECT(s), "dmanic-bar-view", &s->bar, 0, 0x1000);
    // BUG: MR001
    address_space_init(&s->dma_as, &s->bar_view, "dmanic-dma");
    memory_region_init_io(&s->shadow, NULL, &dmanic_shadow_ops, s, "dmanic-shadow", 0x100);
}

static void dmanic_exit(PCIDevice *pdev)
{
    DmanicState *s = DMANIC(pdev);

    // BUG: MR002 root of address space
    object_unparent(OBJECT(&s->bar_view));
    memory_region_add_subregion(&s->bar, 0x800, &s->shadow);
}

static void dmanic_instance_finalize(Object *obj)
{
    DmanicState *s = DMANIC(obj);

    // BUG(refcount): MR002 still be mapped in s->bar
    // BUG: MR003
    object_unparent(OBJECT(&s->shadow));
}

static void dmanic_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = dmanic_realize;
    k->exit = dmanic_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10fd;
    k->class_id = PCI_CLASS_NETWORK_ETHERNET;
}

static const TypeInfo dmanic_info = {
    .name          = TYPE_DMANIC,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(DmanicState),
    .instance_finalize = dmanic_instance_finalize,
    .class_init    = dmanic_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void dmanic_register_types(void)
{
    type_register_static(&dmanic_info);
}

type_init(dmanic_register_types)
