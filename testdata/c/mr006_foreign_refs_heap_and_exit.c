/*
 * A PCI mirror card that pins windows of its upstream bridge.  The window
 * lives in a heap struct the device points to; it is pinned at realize and
 * pinned again (and released once) at exit: the first pin is never given
 * back.  A second window is pinned only at exit and kept.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_MIRRORCARD "mirrorcard"
OBJECT_DECLARE_SIMPLE_TYPE(MirrorcardState, MIRRORCARD)

struct MirrorcardState {
    PCIDevice parent_obj;

    MemoryRegion *win;
    MemoryRegion alt;
    Object *bridge;
};

static const MemoryRegionOps mirrorcard_ops;

static void mirrorcard_realize(PCIDevice *pdev, Error **errp)
{
    MirrorcardState *s = MIRRORCARD(pdev);

    s->win = g_new0(MemoryRegion, 1);
    memory_region_init_io(s->win, OBJECT(s->bridge), &mirrorcard_ops, s,
                          "mirrorcard.win", 0x1000);
    // BUG: MR006 memory_region_ref(s->win) is kept in
    memory_region_ref(s->win);
    memory_region_init_io(&s->alt, OBJECT(s->bridge), &mirrorcard_ops, s,
                          "mirrorcard.alt", 0x1000);
}

static void mirrorcard_exit(PCIDevice *pdev)
{
    MirrorcardState *s = MIRRORCARD(pdev);

    /* a balanced pair: it does not give back the pin taken at realize */
    memory_region_ref(s->win);
    memory_region_unref(s->win);
    // BUG: MR006 memory_region_ref(s->alt) is kept in
    memory_region_ref(&s->alt);
}

static void mirrorcard_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = mirrorcard_realize;
    k->exit = mirrorcard_exit;
}

static const TypeInfo mirrorcard_info = {
    .name          = TYPE_MIRRORCARD,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(MirrorcardState),
    .class_init    = mirrorcard_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void mirrorcard_register_types(void)
{
    type_register_static(&mirrorcard_info);
}

type_init(mirrorcard_register_types)
