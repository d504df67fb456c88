// OK: MR001 address space over the device's own root destroyed at exit
// OK: MR002 the root is not unparented while its address space lives
/*
 * PCI device with an internal bus-master address space: the root it owns
 * is released at exit through address_space_destroy, so unplug frees it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_ASOK "asok-dma"
OBJECT_DECLARE_SIMPLE_TYPE(AsokState, ASOK)

struct AsokState {
    PCIDevice parent_obj;

    MemoryRegion root;
    MemoryRegion sram;
    AddressSpace as;
};

static void asok_realize(PCIDevice *pdev, Error **errp)
{
    AsokState *s = ASOK(pdev);

    memory_region_init(&s->root, OBJECT(s), "asok-root", UINT64_MAX);
    if (!memory_region_init_ram(&s->sram, OBJECT(s), "asok-sram", 0x10000,
                                errp)) {
        return;
    }
    pci_register_bar(pdev, 2, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->sram);
    address_space_init(&s->as, &s->root, "asok-as");
}

static void asok_exit(PCIDevice *pdev)
{
    AsokState *s = ASOK(pdev);

    address_space_destroy(&s->as);
}

static void asok_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = asok_realize;
    k->exit = asok_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1202;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo asok_info = {
    .name          = TYPE_ASOK,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(AsokState),
    .class_init    = asok_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_PCIE_DEVICE },
        { },
    },
};

static void asok_register_types(void)
{
    type_register_static(&asok_info);
}

type_init(asok_register_types)
