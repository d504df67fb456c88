/*
 * PCI display adapter that claims the legacy VGA window by mapping an
 * alias of its VRAM straight into the bus memory space.  exit unparents
 * the alias without unmapping it first: the bus container keeps pointing
 * at a finalized region.
 */
#include "qemu/osdep.h"
#include "qemu/units.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_VGAWIN "vgawin"
OBJECT_DECLARE_SIMPLE_TYPE(VgawinState, VGAWIN)

struct VgawinState {
    PCIDevice parent_obj;

    MemoryRegion vram;
    MemoryRegion vga_low;
};

static void vgawin_realize(PCIDevice *pdev, Error **errp)
{
    VgawinState *s = VGAWIN(pdev);

    if (!memory_region_init_ram(&s->vram, OBJECT(s), "vgawin.vram", 8 * MiB,
                                errp)) {
        return;
    }
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_MEM_PREFETCH, &s->vram);

    memory_region_init_alias(&s->vga_low, OBJECT(s), "vgawin.lowmem",
                             &s->vram, 0, 128 * KiB);
    // BUG(legacy,current): MR005 s->vga_low
    memory_region_add_subregion_overlap(pci_address_space(pdev), 0xa0000,
                                        &s->vga_low, 1);
}

static void vgawin_exit(PCIDevice *pdev)
{
    VgawinState *s = VGAWIN(pdev);

    // BUG: MR002
    object_unparent(OBJECT(&s->vga_low));
}

static void vgawin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = vgawin_realize;
    k->exit = vgawin_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1100;
    k->class_id = PCI_CLASS_DISPLAY_VGA;
}

static const TypeInfo vgawin_info = {
    .name          = TYPE_VGAWIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(VgawinState),
    .class_init    = vgawin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void vgawin_register_types(void)
{
    type_register_static(&vgawin_info);
}

type_init(vgawin_register_types)
