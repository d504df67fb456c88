#include "qemu/osdep.h"
#include "hw/pci/pci_device.h"
#include "qapi/error.h"
#include "system/memory.h"

/*
 * A helper of an abstract PCI base, called through its class from each subclass's realize. Its
 * parameter is a bare PCIDevice, which a dummy function type also registers as its state: that
 * names no single device, so the helper is no run-time code of the dummy.
 */

#define TYPE_ACME_PCI_BASE "acme-pci-base"
#define TYPE_ACME_PCI_DUMMY "acme-pci-dummy"

typedef struct AcmePciBaseClass {
    PCIDeviceClass parent_class;
    void (*load_rom)(PCIDevice *pdev, uint64_t size, Error **errp);
} AcmePciBaseClass;

static void acme_pci_load_rom(PCIDevice *pdev, uint64_t size, Error **errp)
{
    // OK: MR010
    memory_region_init_rom(&pdev->rom, OBJECT(pdev), "acme.rom", size, errp);
    pci_register_bar(pdev, PCI_ROM_SLOT, PCI_BASE_ADDRESS_SPACE_MEMORY, &pdev->rom);
}

static void acme_pci_base_class_init(ObjectClass *klass, const void *data)
{
    AcmePciBaseClass *bc = (AcmePciBaseClass *)klass;

    bc->load_rom = acme_pci_load_rom;
}

static const TypeInfo acme_pci_base_info = {
    .name = TYPE_ACME_PCI_BASE,
    .parent = TYPE_PCI_DEVICE,
    .abstract = true,
    .instance_size = sizeof(PCIDevice),
    .class_size = sizeof(AcmePciBaseClass),
    .class_init = acme_pci_base_class_init,
};

static void acme_pci_dummy_realize(PCIDevice *pdev, Error **errp)
{
    AcmePciBaseClass *bc = (AcmePciBaseClass *)object_get_class(OBJECT(pdev));

    bc->load_rom(pdev, 0x10000, errp);
}

static void acme_pci_dummy_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = acme_pci_dummy_realize;
}

static const TypeInfo acme_pci_dummy_info = {
    .name = TYPE_ACME_PCI_DUMMY,
    .parent = TYPE_ACME_PCI_BASE,
    .instance_size = sizeof(PCIDevice),
    .class_init = acme_pci_dummy_class_init,
};

static void acme_pci_register_types(void)
{
    type_register_static(&acme_pci_base_info);
    type_register_static(&acme_pci_dummy_info);
}

type_init(acme_pci_register_types)
