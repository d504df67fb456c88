// OK: MR006 find miss returns early; every other path unrefs
/*
 * PCI device that peeks at guest RAM through memory_region_find(): a miss
 * returns early (no reference was taken), every other path drops it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_PEEKOK "peekok"
OBJECT_DECLARE_SIMPLE_TYPE(PeekokState, PEEKOK)

struct PeekokState {
    PCIDevice parent_obj;

    MemoryRegion mmio;
    uint64_t last;
};

static uint64_t peekok_read(void *opaque, hwaddr addr, unsigned size)
{
    PeekokState *s = opaque;

    return s->last;
}

static void peekok_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
    PeekokState *s = opaque;
    MemoryRegionSection section;

    section = memory_region_find(get_system_memory(), val, 8);
    if (!section.mr) {
        return;
    }
    if (!memory_region_is_ram(section.mr)) {
        memory_region_unref(section.mr);
        return;
    }
    s->last = ldq_le_p(memory_region_get_ram_ptr(section.mr) +
                       section.offset_within_region);
    memory_region_unref(section.mr);
}

static const MemoryRegionOps peekok_ops = {
    .read = peekok_read,
    .write = peekok_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void peekok_realize(PCIDevice *pdev, Error **errp)
{
    PeekokState *s = PEEKOK(pdev);

    memory_region_init_io(&s->mmio, OBJECT(s), &peekok_ops, s, "peekok", 0x100);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->mmio);
}

static void peekok_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = peekok_realize;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1331;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo peekok_info = {
    .name          = TYPE_PEEKOK,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PeekokState),
    .class_init    = peekok_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void peekok_register_types(void)
{
    type_register_static(&peekok_info);
}

type_init(peekok_register_types)
