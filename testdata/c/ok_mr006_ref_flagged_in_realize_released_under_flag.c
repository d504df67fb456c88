/*
 * PCI device that pins its optional backend's region in realize, only when
 * the backend link is set, and records the pin in a flag; exit gives the
 * reference back under the same flag.  The analysis joins exit's paths and
 * sees the reference kept on the path where the flag is false; the witness
 * records realize's write and exit's test, and the runtime model refutes it:
 * the path that took the reference also set the flag.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_PINFLAG "pinflag"
OBJECT_DECLARE_SIMPLE_TYPE(PinflagState, PINFLAG)

struct PinflagState {
    PCIDevice parent_obj;

    MemoryRegion proxy;
    MemoryRegion *backend;
    bool pinned;
};

static void pinflag_realize(PCIDevice *pdev, Error **errp)
{
    PinflagState *s = PINFLAG(pdev);

    if (s->backend) {
        // OK: MR006 the flag set with the ref releases it in exit; the model refutes the other path
        memory_region_ref(s->backend);
        s->pinned = true;
        memory_region_init_alias(&s->proxy, OBJECT(s), "pinflag", s->backend, 0,
                                 memory_region_size(s->backend));
    } else {
        memory_region_init_io(&s->proxy, OBJECT(s), NULL, s, "pinflag", 0x1000);
    }
    pci_register_bar(pdev, 2, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->proxy);
}

static void pinflag_exit(PCIDevice *pdev)
{
    PinflagState *s = PINFLAG(pdev);

    if (s->pinned) {
        memory_region_unref(s->backend);
    }
}

static void pinflag_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pinflag_realize;
    k->exit = pinflag_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1334;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo pinflag_info = {
    .name          = TYPE_PINFLAG,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PinflagState),
    .class_init    = pinflag_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void pinflag_register_types(void)
{
    type_register_static(&pinflag_info);
}

type_init(pinflag_register_types)
