// OK: MR001 quirk regions kept on a QLIST are deleted from the BAR container by walking the list in exit, so even under legacy semantics no same-owner subregion is left
#include "qemu/osdep.h"
#include "qemu/queue.h"
#include "hw/pci/pci_device.h"

typedef struct TrapQuirk {
    QLIST_ENTRY(TrapQuirk) next;
    MemoryRegion *mem;
    int nr_mem;
} TrapQuirk;

typedef struct TrapBar {
    MemoryRegion *region;
    QLIST_HEAD(, TrapQuirk) quirks;
} TrapBar;

typedef struct QuirkDevState {
    PCIDevice parent_obj;
    TrapBar bars[6];
} QuirkDevState;

OBJECT_DECLARE_SIMPLE_TYPE(QuirkDevState, QUIRK_DEV)
#define TYPE_QUIRK_DEV "quirk-dev"

static const MemoryRegionOps quirk_window_ops;
static const MemoryRegionOps quirk_mirror_ops;

static TrapQuirk *quirkdev_quirk_alloc(int nr_mem)
{
    TrapQuirk *quirk = g_new0(TrapQuirk, 1);

    quirk->mem = g_new0(MemoryRegion, nr_mem);
    quirk->nr_mem = nr_mem;
    return quirk;
}

static void quirkdev_probe_window(QuirkDevState *s, int nr)
{
    TrapBar *bar = &s->bars[nr];
    TrapQuirk *quirk = quirkdev_quirk_alloc(2);

    memory_region_init_io(&quirk->mem[0], OBJECT(s), &quirk_window_ops, s, "quirk-window", 4);
    memory_region_add_subregion_overlap(bar->region, 0x10, &quirk->mem[0], 1);
    memory_region_init_io(&quirk->mem[1], OBJECT(s), &quirk_window_ops, s, "quirk-data", 4);
    memory_region_add_subregion_overlap(bar->region, 0x14, &quirk->mem[1], 1);
    QLIST_INSERT_HEAD(&bar->quirks, quirk, next);
}

static void quirkdev_probe_mirror(QuirkDevState *s, int nr)
{
    TrapBar *bar = &s->bars[nr];
    TrapQuirk *quirk = quirkdev_quirk_alloc(1);

    memory_region_init_io(&quirk->mem[0], OBJECT(s), &quirk_mirror_ops, s, "quirk-mirror", 0x100);
    memory_region_add_subregion_overlap(bar->region, 0x800, &quirk->mem[0], 1);
    QLIST_INSERT_HEAD(&bar->quirks, quirk, next);
}

static void quirkdev_realize(PCIDevice *pdev, Error **errp)
{
    QuirkDevState *s = QUIRK_DEV(pdev);
    int i;

    for (i = 0; i < 6; i++) {
        s->bars[i].region = g_new0(MemoryRegion, 1);
        memory_region_init(s->bars[i].region, OBJECT(s), "quirk-bar", 0x1000);
        QLIST_INIT(&s->bars[i].quirks);
        pci_register_bar(pdev, i, PCI_BASE_ADDRESS_SPACE_MEMORY, s->bars[i].region);
    }
    quirkdev_probe_window(s, 0);
    quirkdev_probe_mirror(s, 2);
}

static void quirkdev_exit(PCIDevice *pdev)
{
    QuirkDevState *s = QUIRK_DEV(pdev);
    TrapQuirk *quirk;
    int nr, i;

    for (nr = 0; nr < 6; nr++) {
        TrapBar *bar = &s->bars[nr];

        QLIST_FOREACH(quirk, &bar->quirks, next) {
            for (i = 0; i < quirk->nr_mem; i++) {
                memory_region_del_subregion(bar->region, &quirk->mem[i]);
            }
        }
    }
}

static void quirkdev_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = quirkdev_realize;
    k->exit = quirkdev_exit;
}

static const TypeInfo quirkdev_info = {
    .name = TYPE_QUIRK_DEV,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(QuirkDevState),
    .class_init = quirkdev_class_init,
};

static void quirkdev_register_types(void)
{
    type_register_static(&quirkdev_info);
}

type_init(quirkdev_register_types)
