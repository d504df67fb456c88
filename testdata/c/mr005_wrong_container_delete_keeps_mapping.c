/*
 * Hot-pluggable PCI capture card with a device-owned frame buffer region
 * mapped into a staging window that owns itself (MR009).  Realize and exit
 * share one helper that "moves" the frame buffer from system memory into
 * the window.
 *
 * The buffer is never in system memory: the delete fails QEMU's assertion
 * and unmaps nothing, so after exit the buffer is still in the window, and
 * the window (nobody's child but its own) keeps the device alive.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_CAPWIN "capwin"
OBJECT_DECLARE_SIMPLE_TYPE(CapwinState, CAPWIN)

struct CapwinState {
    PCIDevice parent_obj;

    MemoryRegion staging;
    MemoryRegion frames;
};

static void capwin_move_frames(CapwinState *s)
{
    memory_region_del_subregion(get_system_memory(), &s->frames);
    // BUG(legacy,current): MR005 s->frames
    memory_region_add_subregion(&s->staging, 0x400, &s->frames);
}

static void capwin_instance_init(Object *obj)
{
    CapwinState *s = CAPWIN(obj);

    // BUG: MR009 initialized with itself as owner
    memory_region_init(&s->staging, OBJECT(&s->staging), "capwin-staging", 0x10000);
    memory_region_init_ram(&s->frames, OBJECT(s), "capwin-frames", 0x1000, &error_fatal);
}

static void capwin_realize(PCIDevice *pdev, Error **errp)
{
    CapwinState *s = CAPWIN(pdev);

    capwin_move_frames(s);
}

static void capwin_exit(PCIDevice *pdev)
{
    CapwinState *s = CAPWIN(pdev);

    capwin_move_frames(s);
}

static void capwin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = capwin_realize;
    k->exit = capwin_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1350;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo capwin_info = {
    .name          = TYPE_CAPWIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(CapwinState),
    .instance_init = capwin_instance_init,
    .class_init    = capwin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void capwin_register_types(void)
{
    type_register_static(&capwin_info);
}

type_init(capwin_register_types)
