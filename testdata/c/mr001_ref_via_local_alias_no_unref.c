/*
 * Display adapter that reaches its VRAM through a local pointer
 * (MemoryRegion *mr = &s->vram) and pins it through that pointer.  The
 * local is the same region as s->vram, owned by the device, and nothing
 * unrefs it before the device is unplugged.
 */
#include "qemu/osdep.h"
#include "qemu/units.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_VRAMREF "vramref-vga"
OBJECT_DECLARE_SIMPLE_TYPE(VramrefState, VRAMREF)

struct VramrefState {
    PCIDevice parent_obj;

    MemoryRegion vram;
    uint8_t *vram_ptr;
    uint32_t vram_size;
};

static void vramref_realize(PCIDevice *pdev, Error **errp)
{
    VramrefState *s = VRAMREF(pdev);
    MemoryRegion *mr = &s->vram;

    if (!memory_region_init_ram(mr, OBJECT(s), "vramref.vram", s->vram_size,
                                errp)) {
        return;
    }
    s->vram_ptr = memory_region_get_ram_ptr(mr);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_MEM_PREFETCH, mr);
    // BUG: MR001
    memory_region_ref(mr);
}

static void vramref_exit(PCIDevice *pdev)
{
    VramrefState *s = VRAMREF(pdev);

    s->vram_ptr = NULL;
}

static void vramref_instance_init(Object *obj)
{
    VramrefState *s = VRAMREF(obj);

    s->vram_size = 16 * MiB;
}

static void vramref_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);
    DeviceClass *dc = DEVICE_CLASS(klass);

    k->realize = vramref_realize;
    k->exit = vramref_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10f5;
    k->class_id = PCI_CLASS_DISPLAY_OTHER;
    set_bit(DEVICE_CATEGORY_DISPLAY, dc->categories);
}

static const TypeInfo vramref_info = {
    .name          = TYPE_VRAMREF,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(VramrefState),
    .instance_init = vramref_instance_init,
    .class_init    = vramref_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void vramref_register_types(void)
{
    type_register_static(&vramref_info);
}

type_init(vramref_register_types)
