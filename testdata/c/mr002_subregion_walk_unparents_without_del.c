/*
 * PCI device whose BAR is a container of two register banks.  exit walks
 * the container's subregion list and unparents every bank it finds there,
 * but never deletes one from the container: each is still mapped in the
 * BAR when it is unparented.
 */
#include "qemu/osdep.h"
#include "qemu/queue.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_WALKBAR "walkbar"
OBJECT_DECLARE_SIMPLE_TYPE(WalkBarState, WALKBAR)

struct WalkBarState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion ctrl;
    MemoryRegion doorbell;
};

static const MemoryRegionOps walkbar_ops;

static void walkbar_realize(PCIDevice *pdev, Error **errp)
{
    WalkBarState *s = WALKBAR(pdev);

    memory_region_init(&s->bar, OBJECT(s), "walkbar-bar", 0x2000);
    memory_region_init_io(&s->ctrl, OBJECT(s), &walkbar_ops, s, "walkbar-ctrl", 0x1000);
    memory_region_init_io(&s->doorbell, OBJECT(s), &walkbar_ops, s, "walkbar-db", 0x1000);
    // BUG(legacy): MR001 s->ctrl stays a subregion of s->bar
    memory_region_add_subregion(&s->bar, 0, &s->ctrl);
    // BUG(legacy): MR001 s->doorbell stays a subregion of s->bar
    memory_region_add_subregion(&s->bar, 0x1000, &s->doorbell);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
}

static void walkbar_exit(PCIDevice *pdev)
{
    WalkBarState *s = WALKBAR(pdev);
    MemoryRegion *sub, *next;

    QTAILQ_FOREACH_SAFE(sub, &s->bar.subregions, subregions_link, next) {
        // BUG: MR002 may still be mapped in s->bar
        object_unparent(OBJECT(sub));
    }
}

static void walkbar_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = walkbar_realize;
    k->exit = walkbar_exit;
}

static const TypeInfo walkbar_info = {
    .name          = TYPE_WALKBAR,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(WalkBarState),
    .class_init    = walkbar_class_init,
};

static void walkbar_register_types(void)
{
    type_register_static(&walkbar_info);
}

type_init(walkbar_register_types)
