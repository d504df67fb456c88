#include "qemu/osdep.h"
#include "hw/pci/pci_device.h"
#include "qapi/error.h"
#include "system/memory.h"

/*
 * A frame grabber that creates a frame buffer owned by its companion chip (another object) and
 * maps it into its own window container, but does it, and undoes it, from instance_finalize. The container is the
 * device's own region: QOM finalized it with the child properties before instance_finalize ran,
 * so both calls use a finalized container although the subregion belongs to another object.
 */

#define TYPE_GRABBER "grabber"
OBJECT_DECLARE_SIMPLE_TYPE(GrabberState, GRABBER)

struct GrabberState {
    PCIDevice parent_obj;
    MemoryRegion window;
    MemoryRegion frame_buf;        /* owned by the companion chip */
    Object *companion;
};

static void grabber_realize(PCIDevice *pdev, Error **errp)
{
    GrabberState *s = GRABBER(pdev);

    memory_region_init(&s->window, OBJECT(s), "grabber-window", 0x10000);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->window);
    if (!memory_region_init_ram(&s->frame_buf, s->companion, "grabber-frame",
                                0x1000, errp)) {
        return;
    }
}

static void grabber_instance_finalize(Object *obj)
{
    GrabberState *s = GRABBER(obj);

    // BUG: MR004 memory_region_add_subregion
    memory_region_add_subregion(&s->window, 0x1000, &s->frame_buf);
    // BUG: MR004 memory_region_del_subregion
    memory_region_del_subregion(&s->window, &s->frame_buf);
}

static void grabber_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = grabber_realize;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10f8;
    k->class_id = PCI_CLASS_MULTIMEDIA_VIDEO;
}

static const TypeInfo grabber_info = {
    .name          = TYPE_GRABBER,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(GrabberState),
    .instance_finalize = grabber_instance_finalize,
    .class_init    = grabber_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void grabber_register_types(void)
{
    type_register_static(&grabber_info);
}

type_init(grabber_register_types)
