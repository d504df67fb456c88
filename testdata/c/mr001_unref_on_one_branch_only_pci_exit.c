/*
 * PCI DMA engine: realize pins its own descriptor window; exit drops the
 * reference only when DMA was enabled, so on the other path the device
 * keeps a reference on itself after unplug.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_HALFUNREF "halfunref-dma"
OBJECT_DECLARE_SIMPLE_TYPE(HalfunrefState, HALFUNREF)

struct HalfunrefState {
    PCIDevice parent_obj;

    MemoryRegion desc_ram;
    bool dma_enabled;
};

static void halfunref_realize(PCIDevice *pdev, Error **errp)
{
    HalfunrefState *s = HALFUNREF(pdev);

    if (!memory_region_init_ram(&s->desc_ram, OBJECT(s), "halfunref-desc",
                                0x4000, errp)) {
        return;
    }
    pci_register_bar(pdev, 2, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->desc_ram);
    // BUG: MR001
    memory_region_ref(&s->desc_ram);
}

static void halfunref_exit(PCIDevice *pdev)
{
    HalfunrefState *s = HALFUNREF(pdev);

    if (s->dma_enabled) {
        s->dma_enabled = false;
        memory_region_unref(&s->desc_ram);
    }
}

static void halfunref_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = halfunref_realize;
    k->exit = halfunref_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10f1;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo halfunref_types[] = {
    {
        .name          = TYPE_HALFUNREF,
        .parent        = TYPE_PCI_DEVICE,
        .instance_size = sizeof(HalfunrefState),
        .class_init    = halfunref_class_init,
        .interfaces    = (const InterfaceInfo[]) {
            { INTERFACE_CONVENTIONAL_PCI_DEVICE },
            { },
        },
    },
};

DEFINE_TYPES(halfunref_types)
