/*
 * Hot-pluggable frame stager with a heap-allocated staging RAM that it
 * references while a transfer may be running.  exit unparents and frees
 * the staging region but forgets the unref.  Before the refcount series a
 * memory_region_ref() is a reference on the owner: freeing the region does
 * not give it back, the stager keeps itself alive.  Under the series the
 * reference lives in the region and dies with it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_STAGER "stager-card"
OBJECT_DECLARE_SIMPLE_TYPE(StagerState, STAGER)

struct StagerState {
    PCIDevice parent_obj;

    MemoryRegion *staging;
};

static void stager_realize(PCIDevice *pdev, Error **errp)
{
    StagerState *s = STAGER(pdev);

    s->staging = g_new0(MemoryRegion, 1);
    if (!memory_region_init_ram(s->staging, OBJECT(s), "stager-staging",
                                0x10000, errp)) {
        g_free(s->staging);
        s->staging = NULL;
        return;
    }
    pci_register_bar(pdev, 2, PCI_BASE_ADDRESS_SPACE_MEMORY, s->staging);
    // BUG(legacy,current): MR001
    memory_region_ref(s->staging);
}

static void stager_exit(PCIDevice *pdev)
{
    StagerState *s = STAGER(pdev);

    object_unparent(OBJECT(s->staging));
    g_free(s->staging);
    s->staging = NULL;
}

static void stager_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = stager_realize;
    k->exit = stager_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10f4;
    k->class_id = PCI_CLASS_MULTIMEDIA_VIDEO;
}

static const TypeInfo stager_info = {
    .name          = TYPE_STAGER,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(StagerState),
    .class_init    = stager_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void stager_register_types(void)
{
    type_register_static(&stager_info);
}

type_init(stager_register_types)
