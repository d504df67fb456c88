/*
 * PCI device whose BAR is a container of two register banks.  exit walks
 * the container's subregion list and hands each bank to a drop helper,
 * which unparents it but never deletes it from the container: each is still
 * mapped in the BAR when it is unparented.
 */
#include "qemu/osdep.h"
#include "qemu/queue.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_DROPBAR "dropbar"
OBJECT_DECLARE_SIMPLE_TYPE(DropBarState, DROPBAR)

struct DropBarState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion ctrl;
    MemoryRegion doorbell;
};

static const MemoryRegionOps dropbar_ops;

static void dropbar_realize(PCIDevice *pdev, Error **errp)
{
    DropBarState *s = DROPBAR(pdev);

    memory_region_init(&s->bar, OBJECT(s), "dropbar-bar", 0x2000);
    memory_region_init_io(&s->ctrl, OBJECT(s), &dropbar_ops, s, "dropbar-ctrl", 0x1000);
    memory_region_init_io(&s->doorbell, OBJECT(s), &dropbar_ops, s, "dropbar-db", 0x1000);
    // BUG(legacy): MR001 s->ctrl stays a subregion of s->bar
    memory_region_add_subregion(&s->bar, 0, &s->ctrl);
    // BUG(legacy): MR001 s->doorbell stays a subregion of s->bar
    memory_region_add_subregion(&s->bar, 0x1000, &s->doorbell);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
}

static void dropbar_drop(DropBarState *s, MemoryRegion *bank)
{
    // BUG: MR002 may still be mapped in s->bar
    object_unparent(OBJECT(bank));
}

static void dropbar_exit(PCIDevice *pdev)
{
    DropBarState *s = DROPBAR(pdev);
    MemoryRegion *sub, *next;

    QTAILQ_FOREACH_SAFE(sub, &s->bar.subregions, subregions_link, next) {
        dropbar_drop(s, sub);
    }
}

static void dropbar_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = dropbar_realize;
    k->exit = dropbar_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1340;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo dropbar_info = {
    .name          = TYPE_DROPBAR,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(DropBarState),
    .class_init    = dropbar_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void dropbar_register_types(void)
{
    type_register_static(&dropbar_info);
}

type_init(dropbar_register_types)
