// OK: MR002 if (memory_region_is_mapped(mr)) del: on the other branch the region is not mapped
/*
 * PCI display adapter that maps its legacy VGA window only when the guest
 * enables VGA decoding.  exit asks memory_region_is_mapped() and unmaps
 * the window only if it is mapped, then unparents it: safe on both paths.
 */
#include "qemu/osdep.h"
#include "qemu/units.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_MAPGUARD "mapguard-vga"
OBJECT_DECLARE_SIMPLE_TYPE(MapguardState, MAPGUARD)

struct MapguardState {
    PCIDevice parent_obj;

    MemoryRegion vram;
    MemoryRegion legacy_vga;
    bool vga_decode;
};

static void mapguard_realize(PCIDevice *pdev, Error **errp)
{
    MapguardState *s = MAPGUARD(pdev);

    if (!memory_region_init_ram(&s->vram, OBJECT(s), "mapguard.vram", 4 * MiB,
                                errp)) {
        return;
    }
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_MEM_PREFETCH, &s->vram);
    memory_region_init_alias(&s->legacy_vga, OBJECT(s), "mapguard.legacy",
                             &s->vram, 0, 128 * KiB);
    if (s->vga_decode) {
        memory_region_add_subregion_overlap(pci_address_space(pdev), 0xa0000,
                                            &s->legacy_vga, 1);
    }
}

static void mapguard_exit(PCIDevice *pdev)
{
    MapguardState *s = MAPGUARD(pdev);
    MemoryRegion *mr = &s->legacy_vga;

    if (memory_region_is_mapped(mr)) {
        memory_region_del_subregion(pci_address_space(pdev), mr);
    }
    object_unparent(OBJECT(mr));
}

static void mapguard_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = mapguard_realize;
    k->exit = mapguard_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1207;
    k->class_id = PCI_CLASS_DISPLAY_VGA;
}

static const TypeInfo mapguard_info = {
    .name          = TYPE_MAPGUARD,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(MapguardState),
    .class_init    = mapguard_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void mapguard_register_types(void)
{
    type_register_static(&mapguard_info);
}

type_init(mapguard_register_types)
