// OK: MR005 the legacy VGA window mapped into the bus space in realize is deleted again in exit
#include "qemu/osdep.h"
#include "hw/pci/pci_device.h"

typedef struct LegacyVgaState {
    PCIDevice parent_obj;
    MemoryRegion vga_low;
} LegacyVgaState;

OBJECT_DECLARE_SIMPLE_TYPE(LegacyVgaState, LEGACY_VGA)
#define TYPE_LEGACY_VGA "legacy-vga-x"

static const MemoryRegionOps lvga_ops;

static void lvga_realize(PCIDevice *pdev, Error **errp)
{
    LegacyVgaState *s = LEGACY_VGA(pdev);

    memory_region_init_io(&s->vga_low, OBJECT(s), &lvga_ops, s, "lvga-low", 0x20000);
    memory_region_add_subregion_overlap(pci_address_space(pdev), 0xa0000, &s->vga_low, 1);
}

static void lvga_exit(PCIDevice *pdev)
{
    LegacyVgaState *s = LEGACY_VGA(pdev);

    memory_region_del_subregion(pci_address_space(pdev), &s->vga_low);
}

static void lvga_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = lvga_realize;
    k->exit = lvga_exit;
}

static const TypeInfo lvga_info = {
    .name = TYPE_LEGACY_VGA,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(LegacyVgaState),
    .class_init = lvga_class_init,
};

static void lvga_register_types(void)
{
    type_register_static(&lvga_info);
}

type_init(lvga_register_types)
