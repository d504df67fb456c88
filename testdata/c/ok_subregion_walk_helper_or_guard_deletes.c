/*
 * Two PCI devices that tear their BAR containers down by walking the
 * container's subregion list.  The first hands each subregion to a helper
 * that deletes it from the container and unparents it.  The second deletes
 * only the RAM subregions inside the walk (a per-element guard the analysis
 * does not evaluate), deletes its register bank by name afterwards, then
 * unparents both.
 */
#include "qemu/osdep.h"
#include "qemu/queue.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_TIDYDROP "tidydrop"
OBJECT_DECLARE_SIMPLE_TYPE(TidyDropState, TIDYDROP)

struct TidyDropState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion regs;
    MemoryRegion fifo;
};

#define TYPE_TIDYRAM "tidyram"
OBJECT_DECLARE_SIMPLE_TYPE(TidyRamState, TIDYRAM)

struct TidyRamState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion regs;
    MemoryRegion sram;
};

static const MemoryRegionOps tidydrop_ops;

static void tidydrop_realize(PCIDevice *pdev, Error **errp)
{
    TidyDropState *s = TIDYDROP(pdev);

    memory_region_init(&s->bar, OBJECT(s), "tidydrop-bar", 0x2000);
    memory_region_init_io(&s->regs, OBJECT(s), &tidydrop_ops, s, "tidydrop-regs", 0x1000);
    memory_region_init_io(&s->fifo, OBJECT(s), &tidydrop_ops, s, "tidydrop-fifo", 0x1000);
    memory_region_add_subregion(&s->bar, 0, &s->regs);
    memory_region_add_subregion(&s->bar, 0x1000, &s->fifo);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
}

static void tidydrop_drop(TidyDropState *s, MemoryRegion *sub)
{
    memory_region_del_subregion(&s->bar, sub);
    // OK: MR002 the helper deletes each walked subregion before unparenting it
    object_unparent(OBJECT(sub));
}

static void tidydrop_exit(PCIDevice *pdev)
{
    TidyDropState *s = TIDYDROP(pdev);
    MemoryRegion *sub, *next;

    QTAILQ_FOREACH_SAFE(sub, &s->bar.subregions, subregions_link, next) {
        tidydrop_drop(s, sub);
    }
}

static void tidyram_realize(PCIDevice *pdev, Error **errp)
{
    TidyRamState *s = TIDYRAM(pdev);

    memory_region_init(&s->bar, OBJECT(s), "tidyram-bar", 0x2000);
    memory_region_init_io(&s->regs, OBJECT(s), &tidydrop_ops, s, "tidyram-regs", 0x1000);
    memory_region_init_ram(&s->sram, OBJECT(s), "tidyram-sram", 0x1000, errp);
    memory_region_add_subregion(&s->bar, 0, &s->regs);
    memory_region_add_subregion(&s->bar, 0x1000, &s->sram);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
}

static void tidyram_exit(PCIDevice *pdev)
{
    TidyRamState *s = TIDYRAM(pdev);
    MemoryRegion *sub, *next;

    QTAILQ_FOREACH_SAFE(sub, &s->bar.subregions, subregions_link, next) {
        if (memory_region_is_ram(sub)) {
            memory_region_del_subregion(&s->bar, sub);
        }
    }
    // OK: MR005 the bank the walk skipped is deleted by name; deleting it twice would be no bug here
    memory_region_del_subregion(&s->bar, &s->regs);
    // OK: MR002 deleted by name just above
    object_unparent(OBJECT(&s->regs));
    // OK: MR002 the walk deleted the RAM subregion
    object_unparent(OBJECT(&s->sram));
}

static void tidydrop_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = tidydrop_realize;
    k->exit = tidydrop_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1341;
    k->class_id = PCI_CLASS_OTHERS;
}

static void tidyram_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = tidyram_realize;
    k->exit = tidyram_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1342;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo tidydrop_info = {
    .name          = TYPE_TIDYDROP,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(TidyDropState),
    .class_init    = tidydrop_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static const TypeInfo tidyram_info = {
    .name          = TYPE_TIDYRAM,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(TidyRamState),
    .class_init    = tidyram_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void tidydrop_register_types(void)
{
    type_register_static(&tidydrop_info);
    type_register_static(&tidyram_info);
}

type_init(tidydrop_register_types)
