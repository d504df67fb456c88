/*
 * PCI device whose BAR is a container of a register bank and an SRAM
 * window.  exit walks the container's subregion list but deletes only the
 * RAM subregions (the guard selects by kind), then unparents both: the
 * register bank, which the guard skipped, is still mapped in the BAR.  A
 * second device spells the same guard as a field test and skips its alias.
 */
#include "qemu/osdep.h"
#include "qemu/queue.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_RAMONLY "ramonly"
OBJECT_DECLARE_SIMPLE_TYPE(RamOnlyState, RAMONLY)

struct RamOnlyState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion regs;
    MemoryRegion sram;
    MemoryRegion window;
};

static const MemoryRegionOps ramonly_ops;

static void ramonly_realize(PCIDevice *pdev, Error **errp)
{
    RamOnlyState *s = RAMONLY(pdev);

    memory_region_init(&s->bar, OBJECT(s), "ramonly-bar", 0x3000);
    memory_region_init_io(&s->regs, OBJECT(s), &ramonly_ops, s, "ramonly-regs", 0x1000);
    memory_region_init_ram(&s->sram, OBJECT(s), "ramonly-sram", 0x1000, errp);
    memory_region_init_alias(&s->window, OBJECT(s), "ramonly-win", &s->sram, 0, 0x1000);
    memory_region_add_subregion(&s->bar, 0, &s->regs);
    memory_region_add_subregion(&s->bar, 0x1000, &s->sram);
    // BUG(legacy): MR001 s->window stays a subregion of s->bar
    memory_region_add_subregion(&s->bar, 0x2000, &s->window);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
}

static void ramonly_exit(PCIDevice *pdev)
{
    RamOnlyState *s = RAMONLY(pdev);
    MemoryRegion *sub, *next;

    QTAILQ_FOREACH_SAFE(sub, &s->bar.subregions, subregions_link, next) {
        if (memory_region_is_ram(sub)) {
            memory_region_del_subregion(&s->bar, sub);
        }
    }
    // BUG: MR002 object_unparent(s->regs) while it may still be mapped in s->bar
    object_unparent(OBJECT(&s->regs));
    // OK: MR002 the walk deleted the RAM subregion
    object_unparent(OBJECT(&s->sram));
    QTAILQ_FOREACH_SAFE(sub, &s->bar.subregions, subregions_link, next) {
        if (sub->ram) {
            memory_region_del_subregion(&s->bar, sub);
        }
    }
    // BUG: MR002 object_unparent(s->window) while it may still be mapped in s->bar
    object_unparent(OBJECT(&s->window));
}

static void ramonly_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = ramonly_realize;
    k->exit = ramonly_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1343;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo ramonly_info = {
    .name          = TYPE_RAMONLY,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(RamOnlyState),
    .class_init    = ramonly_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void ramonly_register_types(void)
{
    type_register_static(&ramonly_info);
}

type_init(ramonly_register_types)
