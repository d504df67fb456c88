// OK: MR006 the backend is pinned only when realize mirrors it, and exit unpins it under the flag realize set on that same branch
// OK: MR006 the scratch window is pinned and unpinned under the same null test of the link on both sides
/*
 * PCI device that can mirror a region another device exports (set through a
 * link property).  realize pins the backend only when mirroring is on and
 * records that in a flag; exit unpins under the flag.  The optional scratch
 * link is pinned and unpinned under the same null test.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_MIRRORDEV "mirrordev"
OBJECT_DECLARE_SIMPLE_TYPE(MirrorDevState, MIRRORDEV)

struct MirrorDevState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion *backend;
    MemoryRegion *scratch;
    bool mirror;
    bool backend_pinned;
};

static const MemoryRegionOps mirrordev_ops;

static void mirrordev_realize(PCIDevice *pdev, Error **errp)
{
    MirrorDevState *s = MIRRORDEV(pdev);

    memory_region_init_io(&s->bar, OBJECT(s), &mirrordev_ops, s, "mirrordev", 0x1000);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
    if (s->mirror && s->backend) {
        memory_region_ref(s->backend);
        s->backend_pinned = true;
    }
    if (s->scratch) {
        memory_region_ref(s->scratch);
    }
}

static void mirrordev_exit(PCIDevice *pdev)
{
    MirrorDevState *s = MIRRORDEV(pdev);

    if (s->backend_pinned) {
        memory_region_unref(s->backend);
        s->backend_pinned = false;
    }
    if (s->scratch) {
        memory_region_unref(s->scratch);
    }
}

static void mirrordev_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = mirrordev_realize;
    k->exit = mirrordev_exit;
}

static const TypeInfo mirrordev_info = {
    .name          = TYPE_MIRRORDEV,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(MirrorDevState),
    .class_init    = mirrordev_class_init,
};

static void mirrordev_register_types(void)
{
    type_register_static(&mirrordev_info);
}

type_init(mirrordev_register_types)
