// OK: MR004 the window the device allocated itself and keeps through a pointer is its own to unparent at exit
/*
 * PCI device that exposes a region another device exports (the "backend"
 * link) and overlays a window on a peer controller's register bank (the
 * "peer" link).  exit unparents the backend and the peer's registers,
 * which belong to the other objects: they are destroyed while their
 * owners still use them.  The window the device allocated itself is fine.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

typedef struct PeerCtrlState {
    DeviceState parent_obj;
    MemoryRegion regs;
} PeerCtrlState;

#define TYPE_LINKDEV "linkdev"
OBJECT_DECLARE_SIMPLE_TYPE(LinkDevState, LINKDEV)

struct LinkDevState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion *backend;
    PeerCtrlState *peer;
    MemoryRegion *window;
};

static const MemoryRegionOps linkdev_ops;

static void linkdev_realize(PCIDevice *pdev, Error **errp)
{
    LinkDevState *s = LINKDEV(pdev);

    if (!s->backend || !s->peer) {
        error_setg(errp, "linkdev: links not set");
        return;
    }
    memory_region_init(&s->bar, OBJECT(s), "linkdev-bar", 0x10000);
    memory_region_add_subregion(&s->bar, 0, s->backend);
    s->window = g_new0(MemoryRegion, 1);
    memory_region_init_io(s->window, OBJECT(s), &linkdev_ops, s, "linkdev-window", 0x100);
    memory_region_add_subregion(&s->bar, 0x8000, s->window);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
}

static void linkdev_exit(PCIDevice *pdev)
{
    LinkDevState *s = LINKDEV(pdev);

    memory_region_del_subregion(&s->bar, s->backend);
    // BUG: MR004 object_unparent(s->backend) in unrealize destroys a region TYPE_LINKDEV does not own
    object_unparent(OBJECT(s->backend));
    // BUG: MR004 object_unparent(s->peer->regs) in unrealize destroys a region
    object_unparent(OBJECT(&s->peer->regs));
    memory_region_del_subregion(&s->bar, s->window);
    object_unparent(OBJECT(s->window));
}

static void linkdev_finalize(Object *obj)
{
    LinkDevState *s = LINKDEV(obj);

    g_free(s->window);
}

static void linkdev_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = linkdev_realize;
    k->exit = linkdev_exit;
}

static const TypeInfo linkdev_info = {
    .name              = TYPE_LINKDEV,
    .parent            = TYPE_PCI_DEVICE,
    .instance_size     = sizeof(LinkDevState),
    .instance_finalize = linkdev_finalize,
    .class_init        = linkdev_class_init,
};

static void linkdev_register_types(void)
{
    type_register_static(&linkdev_info);
}

type_init(linkdev_register_types)
