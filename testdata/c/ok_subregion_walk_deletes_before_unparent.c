// OK: MR002 each bank reached by walking s->bar.subregions is deleted from the BAR before it is unparented
// OK: MR002 the pane's walk deletes every subregion of s->frame, so the named windows unparented after it are no longer mapped
/*
 * Two PCI devices that tear their BAR containers down by walking the
 * container's subregion list.  The first deletes and unparents each
 * subregion inside the walk; the second only deletes inside the walk and
 * unparents its named windows afterwards.
 */
#include "qemu/osdep.h"
#include "qemu/queue.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_TIDYBAR "tidybar"
OBJECT_DECLARE_SIMPLE_TYPE(TidyBarState, TIDYBAR)

struct TidyBarState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion regs;
    MemoryRegion fifo;
};

#define TYPE_TIDYPANE "tidypane"
OBJECT_DECLARE_SIMPLE_TYPE(TidyPaneState, TIDYPANE)

struct TidyPaneState {
    PCIDevice parent_obj;

    MemoryRegion frame;
    MemoryRegion vram;
    MemoryRegion lo_win;
    MemoryRegion hi_win;
};

static const MemoryRegionOps tidy_ops;

static void tidybar_realize(PCIDevice *pdev, Error **errp)
{
    TidyBarState *s = TIDYBAR(pdev);

    memory_region_init(&s->bar, OBJECT(s), "tidybar-bar", 0x2000);
    memory_region_init_io(&s->regs, OBJECT(s), &tidy_ops, s, "tidybar-regs", 0x1000);
    memory_region_init_io(&s->fifo, OBJECT(s), &tidy_ops, s, "tidybar-fifo", 0x1000);
    memory_region_add_subregion(&s->bar, 0, &s->regs);
    memory_region_add_subregion(&s->bar, 0x1000, &s->fifo);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
}

static void tidybar_exit(PCIDevice *pdev)
{
    TidyBarState *s = TIDYBAR(pdev);
    MemoryRegion *sub, *next;

    QTAILQ_FOREACH_SAFE(sub, &s->bar.subregions, subregions_link, next) {
        memory_region_del_subregion(&s->bar, sub);
        object_unparent(OBJECT(sub));
    }
}

static void tidypane_realize(PCIDevice *pdev, Error **errp)
{
    TidyPaneState *s = TIDYPANE(pdev);

    memory_region_init(&s->frame, OBJECT(s), "tidypane-frame", 0x10000);
    memory_region_init_ram(&s->vram, OBJECT(s), "tidypane-vram", 0x10000, errp);
    memory_region_init_alias(&s->lo_win, OBJECT(s), "tidypane-lo", &s->vram, 0, 0x8000);
    memory_region_init_alias(&s->hi_win, OBJECT(s), "tidypane-hi", &s->vram, 0x8000, 0x8000);
    memory_region_add_subregion(&s->frame, 0, &s->lo_win);
    memory_region_add_subregion(&s->frame, 0x8000, &s->hi_win);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->frame);
}

static void tidypane_exit(PCIDevice *pdev)
{
    TidyPaneState *s = TIDYPANE(pdev);
    MemoryRegion *sub, *next;

    QTAILQ_FOREACH_SAFE(sub, &s->frame.subregions, subregions_link, next) {
        memory_region_del_subregion(&s->frame, sub);
    }
    object_unparent(OBJECT(&s->lo_win));
    object_unparent(OBJECT(&s->hi_win));
}

static void tidy_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = tidybar_realize;
    k->exit = tidybar_exit;
}

static void tidypane_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = tidypane_realize;
    k->exit = tidypane_exit;
}

static const TypeInfo tidy_infos[] = {
    {
        .name          = TYPE_TIDYBAR,
        .parent        = TYPE_PCI_DEVICE,
        .instance_size = sizeof(TidyBarState),
        .class_init    = tidy_class_init,
    }, {
        .name          = TYPE_TIDYPANE,
        .parent        = TYPE_PCI_DEVICE,
        .instance_size = sizeof(TidyPaneState),
        .class_init    = tidypane_class_init,
    },
};

DEFINE_TYPES(tidy_infos)
