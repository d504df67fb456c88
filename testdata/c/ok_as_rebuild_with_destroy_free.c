// OK: MR007 rebuild with address_space_destroy_free
/*
 * PCI device that rebuilds its heap address space when the guest moves the
 * window, dropping the old one with address_space_destroy_free(), and does
 * the same at exit.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_REMAPOK "remapok"
OBJECT_DECLARE_SIMPLE_TYPE(RemapokState, REMAPOK)

struct RemapokState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    AddressSpace *as;
};

static void remapok_rebuild(RemapokState *s)
{
    if (s->as) {
        address_space_destroy_free(s->as);
    }
    s->as = g_new0(AddressSpace, 1);
    address_space_init(s->as, get_system_memory(), "remapok");
}

static uint64_t remapok_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void remapok_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
    remapok_rebuild(opaque);
}

static const MemoryRegionOps remapok_ops = {
    .read = remapok_read,
    .write = remapok_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void remapok_realize(PCIDevice *pdev, Error **errp)
{
    RemapokState *s = REMAPOK(pdev);

    memory_region_init_io(&s->regs, OBJECT(s), &remapok_ops, s, "remapok", 0x40);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
}

static void remapok_exit(PCIDevice *pdev)
{
    RemapokState *s = REMAPOK(pdev);

    if (s->as) {
        address_space_destroy_free(s->as);
        s->as = NULL;
    }
}

static void remapok_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = remapok_realize;
    k->exit = remapok_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1324;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo remapok_info = {
    .name          = TYPE_REMAPOK,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(RemapokState),
    .class_init    = remapok_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void remapok_register_types(void)
{
    type_register_static(&remapok_info);
}

type_init(remapok_register_types)
