// OK: MR007 foreign-root address space destroyed at exit
/*
 * PCI device with a DMA view of system memory, destroyed at exit.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_GOODVIEW "goodview"
OBJECT_DECLARE_SIMPLE_TYPE(GoodviewState, GOODVIEW)

struct GoodviewState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    AddressSpace dma_as;
};

static void goodview_realize(PCIDevice *pdev, Error **errp)
{
    GoodviewState *s = GOODVIEW(pdev);

    memory_region_init_io(&s->regs, OBJECT(s), NULL, s, "goodview", 0x40);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
    address_space_init(&s->dma_as, get_system_memory(), "goodview-dma");
}

static void goodview_exit(PCIDevice *pdev)
{
    GoodviewState *s = GOODVIEW(pdev);

    address_space_destroy(&s->dma_as);
}

static void goodview_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = goodview_realize;
    k->exit = goodview_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1321;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo goodview_info = {
    .name          = TYPE_GOODVIEW,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(GoodviewState),
    .class_init    = goodview_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void goodview_register_types(void)
{
    type_register_static(&goodview_info);
}

type_init(goodview_register_types)
