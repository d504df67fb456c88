/*
 * PCI device with a heap window region under a heap address space.  Exit
 * frees the window's storage before it destroys the address space, and
 * instance_finalize frees the address space.
 *
 * Legacy and current QEMU: the address space's reference is on the
 * device, which is finalized only after the destroy's RCU callback.  With
 * the refcount series the reference is on the window, whose storage is gone:
 * it can no longer hold the device, which is finalized at unplug, and the
 * g_free comes while the destroy is still queued.  (Freeing the window under
 * a live address space is wrong under every semantics.)
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_WINFREE "winfree"
OBJECT_DECLARE_SIMPLE_TYPE(WinfreeState, WINFREE)

struct WinfreeState {
    PCIDevice parent_obj;

    MemoryRegion *win;
    AddressSpace *win_as;
};

static void winfree_realize(PCIDevice *pdev, Error **errp)
{
    WinfreeState *s = WINFREE(pdev);

    s->win = g_new0(MemoryRegion, 1);
    memory_region_init(s->win, OBJECT(s), "winfree.win", 0x10000);
    s->win_as = g_new0(AddressSpace, 1);
    address_space_init(s->win_as, s->win, "winfree.as");
}

static void winfree_exit(PCIDevice *pdev)
{
    WinfreeState *s = WINFREE(pdev);

    g_free(s->win);
    address_space_destroy(s->win_as);
}

static void winfree_instance_finalize(Object *obj)
{
    WinfreeState *s = WINFREE(obj);

    // BUG(refcount): MR007 right after address_space_destroy(s->win_as)
    g_free(s->win_as);
}

static void winfree_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = winfree_realize;
    k->exit = winfree_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1346;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo winfree_info = {
    .name          = TYPE_WINFREE,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(WinfreeState),
    .instance_finalize = winfree_instance_finalize,
    .class_init    = winfree_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void winfree_register_types(void)
{
    type_register_static(&winfree_info);
}

type_init(winfree_register_types)
