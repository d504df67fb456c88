/*
 * Hot-pluggable capture card with a heap-allocated staging RAM that it
 * references while a capture may be running.  exit unparents and frees
 * the staging region but forgets the unref.  Before the refcount series a
 * memory_region_ref() is a reference on the owner: freeing the region does
 * not give it back, the card keeps itself alive.  Under the series the
 * reference lives in the region and dies with it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_CAPTURE "capture-card"
OBJECT_DECLARE_SIMPLE_TYPE(CaptureState, CAPTURE)

struct CaptureState {
    PCIDevice parent_obj;

    MemoryRegion *staging;
};

static void capture_realize(PCIDevice *pdev, Error **errp)
{
    CaptureState *s = CAPTURE(pdev);

    s->staging = g_new0(MemoryRegion, 1);
    if (!memory_region_init_ram(s->staging, OBJECT(s), "capture-staging",
                                0x10000, errp)) {
        g_free(s->staging);
        s->staging = NULL;
        return;
    }
    pci_register_bar(pdev, 2, PCI_BASE_ADDRESS_SPACE_MEMORY, s->staging);
    // BUG(legacy,current): MR001
    memory_region_ref(s->staging);
}

static void capture_exit(PCIDevice *pdev)
{
    CaptureState *s = CAPTURE(pdev);

    object_unparent(OBJECT(s->staging));
    g_free(s->staging);
    s->staging = NULL;
}

static void capture_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = capture_realize;
    k->exit = capture_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10f4;
    k->class_id = PCI_CLASS_MULTIMEDIA_VIDEO;
}

static const TypeInfo capture_info = {
    .name          = TYPE_CAPTURE,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(CaptureState),
    .class_init    = capture_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void capture_register_types(void)
{
    type_register_static(&capture_info);
}

type_init(capture_register_types)
