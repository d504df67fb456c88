/*
 * PCI device with a private DMA view of system memory.  exit resets the
 * engine but never destroys the address space, which stays registered after
 * hot-unplug although the device state holding it is gone.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_DMAVIEW "dmaview"
OBJECT_DECLARE_SIMPLE_TYPE(DmaviewState, DMAVIEW)

struct DmaviewState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    AddressSpace dma_as;
};

static void dmaview_realize(PCIDevice *pdev, Error **errp)
{
    DmaviewState *s = DMAVIEW(pdev);

    memory_region_init_io(&s->regs, OBJECT(s), NULL, s, "dmaview", 0x40);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
    // BUG: MR007 which TYPE_DMAVIEW does not own
    address_space_init(&s->dma_as, get_system_memory(), "dmaview-dma");
}

static void dmaview_exit(PCIDevice *pdev)
{
}

static void dmaview_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = dmaview_realize;
    k->exit = dmaview_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1311;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo dmaview_info = {
    .name          = TYPE_DMAVIEW,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(DmaviewState),
    .class_init    = dmaview_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void dmaview_register_types(void)
{
    type_register_static(&dmaview_info);
}

type_init(dmaview_register_types)
