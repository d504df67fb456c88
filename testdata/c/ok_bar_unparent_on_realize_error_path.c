// OK: MR002 BARs registered with pci_register_bar are not mapped until the guest programs them, so a realize error path may unparent them
#include "qemu/osdep.h"
#include "hw/pci/pci_device.h"

typedef struct SwitchChipState {
    PCIDevice parent_obj;
    MemoryRegion mmio;
    MemoryRegion msix_bar;
    int nports;
} SwitchChipState;

OBJECT_DECLARE_SIMPLE_TYPE(SwitchChipState, SWITCH_CHIP)
#define TYPE_SWITCH_CHIP "switch-chip"

static const MemoryRegionOps swchip_ops;

static int swchip_msix_init(SwitchChipState *s, Error **errp);

static void swchip_realize(PCIDevice *pdev, Error **errp)
{
    SwitchChipState *s = SWITCH_CHIP(pdev);

    memory_region_init_io(&s->mmio, OBJECT(s), &swchip_ops, s, "swchip-mmio", 0x1000);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->mmio);
    memory_region_init(&s->msix_bar, OBJECT(s), "swchip-msix", 0x1000);
    pci_register_bar(pdev, 1, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->msix_bar);

    if (swchip_msix_init(s, errp) < 0) {
        goto err_msix;
    }
    if (s->nports > 62) {
        error_setg(errp, "too many ports");
        goto err_msix;
    }
    return;

err_msix:
    object_unparent(OBJECT(&s->msix_bar));
    object_unparent(OBJECT(&s->mmio));
}

static void swchip_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = swchip_realize;
}

static const TypeInfo swchip_info = {
    .name = TYPE_SWITCH_CHIP,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(SwitchChipState),
    .class_init = swchip_class_init,
};

static void swchip_register_types(void)
{
    type_register_static(&swchip_info);
}

type_init(swchip_register_types)
