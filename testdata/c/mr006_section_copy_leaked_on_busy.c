/*
 * PCI snooper that keeps a heap copy of the section it is told to watch.
 * When a watch is already active the new copy is simply dropped on the
 * floor: its reference on the region is never given back.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_SNOOPY "snoopy"
OBJECT_DECLARE_SIMPLE_TYPE(SnoopyState, SNOOPY)

struct SnoopyState {
    PCIDevice parent_obj;

    MemoryRegion ctl;
    MemoryRegionSection *watch;
    uint64_t target;
};

static void snoopy_arm(SnoopyState *s, MemoryRegionSection *found)
{
    MemoryRegionSection *copy;

    // BUG: MR006 the reference memory_region_section_new_copy() takes on copy.mr
    copy = memory_region_section_new_copy(found);
    if (s->watch) {
        return;
    }
    s->watch = copy;
}

static uint64_t snoopy_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void snoopy_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
    SnoopyState *s = opaque;
    MemoryRegionSection sec = memory_region_find(get_system_memory(), val, 1);

    if (!sec.mr) {
        return;
    }
    snoopy_arm(s, &sec);
    memory_region_unref(sec.mr);
}

static const MemoryRegionOps snoopy_ops = {
    .read = snoopy_read,
    .write = snoopy_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void snoopy_realize(PCIDevice *pdev, Error **errp)
{
    SnoopyState *s = SNOOPY(pdev);

    memory_region_init_io(&s->ctl, OBJECT(s), &snoopy_ops, s, "snoopy", 0x10);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->ctl);
}

static void snoopy_exit(PCIDevice *pdev)
{
    SnoopyState *s = SNOOPY(pdev);

    if (s->watch) {
        memory_region_section_free_copy(s->watch);
        s->watch = NULL;
    }
}

static void snoopy_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = snoopy_realize;
    k->exit = snoopy_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1304;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo snoopy_info = {
    .name          = TYPE_SNOOPY,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(SnoopyState),
    .class_init    = snoopy_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void snoopy_register_types(void)
{
    type_register_static(&snoopy_info);
}

type_init(snoopy_register_types)
