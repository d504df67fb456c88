/*
 * PCI device that rebuilds its translated address space whenever the guest
 * moves the window.  The old one is destroyed and then handed to
 * g_free_rcu(), which replaces the destroy's RCU callback: the old address
 * space is never really destroyed.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_REMAPAS "remapas"
OBJECT_DECLARE_SIMPLE_TYPE(RemapasState, REMAPAS)

struct RemapasState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    MemoryRegion window;
    AddressSpace *as;
    uint64_t base;
};

static void remapas_rebuild(RemapasState *s)
{
    if (s->as) {
        address_space_destroy(s->as);
        // BUG: MR007 replaces the destroy's RCU callback
        g_free_rcu(s->as, rcu);
    }
    s->as = g_new0(AddressSpace, 1);
    address_space_init(s->as, get_system_memory(), "remapas");
}

static uint64_t remapas_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void remapas_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
    RemapasState *s = opaque;

    s->base = val;
    remapas_rebuild(s);
}

static const MemoryRegionOps remapas_ops = {
    .read = remapas_read,
    .write = remapas_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void remapas_realize(PCIDevice *pdev, Error **errp)
{
    RemapasState *s = REMAPAS(pdev);

    memory_region_init_io(&s->regs, OBJECT(s), &remapas_ops, s, "remapas", 0x40);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
}

static void remapas_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = remapas_realize;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1313;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo remapas_info = {
    .name          = TYPE_REMAPAS,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(RemapasState),
    .class_init    = remapas_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void remapas_register_types(void)
{
    type_register_static(&remapas_info);
}

type_init(remapas_register_types)
