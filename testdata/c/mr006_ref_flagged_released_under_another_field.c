/*
 * PCI device that pins its optional backend's region in realize and records
 * the pin in a flag, but exit releases it under a user property instead of
 * the flag: with the property off, the reference outlives the device.  The
 * model knows nothing of the property's value, so the witness stands.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_PINPROP "pinprop"
OBJECT_DECLARE_SIMPLE_TYPE(PinpropState, PINPROP)

struct PinpropState {
    PCIDevice parent_obj;

    MemoryRegion proxy;
    MemoryRegion *backend;
    bool pinned;
    bool release_backend;
};

static void pinprop_realize(PCIDevice *pdev, Error **errp)
{
    PinpropState *s = PINPROP(pdev);

    if (s->backend) {
        // BUG: MR006 kept in TYPE_PINPROP's state and not given back by unrealize
        memory_region_ref(s->backend);
        s->pinned = true;
        memory_region_init_alias(&s->proxy, OBJECT(s), "pinprop", s->backend, 0,
                                 memory_region_size(s->backend));
    } else {
        memory_region_init_io(&s->proxy, OBJECT(s), NULL, s, "pinprop", 0x1000);
    }
    pci_register_bar(pdev, 2, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->proxy);
}

static void pinprop_exit(PCIDevice *pdev)
{
    PinpropState *s = PINPROP(pdev);

    if (s->release_backend) {
        memory_region_unref(s->backend);
    }
}

static void pinprop_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pinprop_realize;
    k->exit = pinprop_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1335;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo pinprop_info = {
    .name          = TYPE_PINPROP,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PinpropState),
    .class_init    = pinprop_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void pinprop_register_types(void)
{
    type_register_static(&pinprop_info);
}

type_init(pinprop_register_types)
