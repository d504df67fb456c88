/*
 * PCI device whose doorbell write peeks at guest RAM through
 * memory_region_find().  A miss (no section) returns early, which is fine,
 * but the "not RAM" check returns before the section's reference is dropped.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_RAMPEEK "rampeek"
OBJECT_DECLARE_SIMPLE_TYPE(RampeekState, RAMPEEK)

struct RampeekState {
    PCIDevice parent_obj;

    MemoryRegion mmio;
    uint64_t last;
};

static uint64_t rampeek_read(void *opaque, hwaddr addr, unsigned size)
{
    RampeekState *s = opaque;

    return s->last;
}

static void rampeek_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
    RampeekState *s = opaque;
    MemoryRegionSection section;

    // BUG: MR006 not given back on some path through rampeek_write
    section = memory_region_find(get_system_memory(), val, 8);
    if (!section.mr) {
        return;
    }
    if (!memory_region_is_ram(section.mr)) {
        return;
    }
    s->last = ldq_le_p(memory_region_get_ram_ptr(section.mr) +
                       section.offset_within_region);
    memory_region_unref(section.mr);
}

static const MemoryRegionOps rampeek_ops = {
    .read = rampeek_read,
    .write = rampeek_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void rampeek_realize(PCIDevice *pdev, Error **errp)
{
    RampeekState *s = RAMPEEK(pdev);

    memory_region_init_io(&s->mmio, OBJECT(s), &rampeek_ops, s,
                          "rampeek-mmio", 0x100);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->mmio);
}

static void rampeek_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = rampeek_realize;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1301;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo rampeek_info = {
    .name          = TYPE_RAMPEEK,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(RampeekState),
    .class_init    = rampeek_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void rampeek_register_types(void)
{
    type_register_static(&rampeek_info);
}

type_init(rampeek_register_types)
