/*
 * Abstract base of a family of PCI NICs.  It is a PCI device, so every
 * concrete type derived from it (see derived.c) is hot-pluggable even
 * though derived.c never names TYPE_PCI_DEVICE.
 */
#include "qemu/osdep.h"
#include "hw/pci/pci_device.h"
#include "qom/object.h"
#include "hpbase.h"

static void hpbase_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->class_id = PCI_CLASS_NETWORK_ETHERNET;
}

static const TypeInfo hpbase_info = {
    .name          = TYPE_HPBASE,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(HpbaseState),
    .abstract      = true,
    .class_init    = hpbase_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void hpbase_register_types(void)
{
    type_register_static(&hpbase_info);
}

type_init(hpbase_register_types)
