// OK: MR002 the apertures on the QTAILQ are drained with QTAILQ_EMPTY/QTAILQ_FIRST and each is deleted from the BAR before a helper taking the element unparents it
/*
 * PCI device keeping dynamically made windows on a QSIMPLEQ, quirks on a
 * QLIST and apertures on a QTAILQ.  exit drains the windows without
 * deleting them from the BAR; instance_finalize hands each quirk to a
 * helper that deletes it from the BAR, which was finalized by then.
 */
#include "qemu/osdep.h"
#include "qemu/queue.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

typedef struct DrainWin {
    QSIMPLEQ_ENTRY(DrainWin) next;
    MemoryRegion mr;
} DrainWin;

typedef struct DrainAperture {
    QTAILQ_ENTRY(DrainAperture) next;
    MemoryRegion alias;
} DrainAperture;

typedef struct DrainQuirk {
    QLIST_ENTRY(DrainQuirk) next;
    MemoryRegion mem;
} DrainQuirk;

#define TYPE_DRAINDEV "draindev"
OBJECT_DECLARE_SIMPLE_TYPE(DrainDevState, DRAINDEV)

struct DrainDevState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    QSIMPLEQ_HEAD(, DrainWin) wins;
    QLIST_HEAD(, DrainQuirk) quirks;
    QTAILQ_HEAD(, DrainAperture) apertures;
    MemoryRegion ram;
    uint32_t nr_wins;
};

static const MemoryRegionOps draindev_ops;

static void draindev_quirk_teardown(DrainDevState *s, DrainQuirk *q)
{
    // BUG: MR004 in instance_finalize uses a region
    memory_region_del_subregion(&s->bar, &q->mem);
}

static void draindev_aperture_destroy(DrainDevState *s, DrainAperture *a)
{
    memory_region_del_subregion(&s->bar, &a->alias);
    object_unparent(OBJECT(&a->alias));
    g_free(a);
}

static void draindev_realize(PCIDevice *pdev, Error **errp)
{
    DrainDevState *s = DRAINDEV(pdev);
    uint32_t i;

    memory_region_init(&s->bar, OBJECT(s), "draindev-bar", 0x10000);
    QSIMPLEQ_INIT(&s->wins);
    QLIST_INIT(&s->quirks);
    QTAILQ_INIT(&s->apertures);
    memory_region_init_ram(&s->ram, OBJECT(s), "draindev-ram", 0x1000, errp);
    for (i = 0; i < s->nr_wins; i++) {
        DrainWin *w = g_new0(DrainWin, 1);
        DrainQuirk *q = g_new0(DrainQuirk, 1);

        memory_region_init_io(&w->mr, OBJECT(s), &draindev_ops, s, "draindev-win", 0x100);
        // BUG(legacy): MR001 w->mr stays a subregion of s->bar
        memory_region_add_subregion(&s->bar, i * 0x100, &w->mr);
        QSIMPLEQ_INSERT_TAIL(&s->wins, w, next);
        memory_region_init_io(&q->mem, OBJECT(s), &draindev_ops, s, "draindev-quirk", 4);
        // BUG(legacy): MR001 q->mem stays a subregion of s->bar
        memory_region_add_subregion_overlap(&s->bar, 0x8000 + i * 4, &q->mem, 1);
        QLIST_INSERT_HEAD(&s->quirks, q, next);
    }
    for (i = 0; i < 2; i++) {
        DrainAperture *a = g_new0(DrainAperture, 1);

        memory_region_init_alias(&a->alias, OBJECT(s), "draindev-aperture", &s->ram, 0, 0x800);
        // BUG(legacy): MR001 a->alias stays a subregion of s->bar
        memory_region_add_subregion(&s->bar, 0xc000 + i * 0x800, &a->alias);
        QTAILQ_INSERT_TAIL(&s->apertures, a, next);
    }
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
}

static void draindev_exit(PCIDevice *pdev)
{
    DrainDevState *s = DRAINDEV(pdev);
    DrainWin *w;
    DrainAperture *a;

    while ((w = QSIMPLEQ_FIRST(&s->wins))) {
        QSIMPLEQ_REMOVE_HEAD(&s->wins, next);
        // BUG: MR002 may still be mapped in s->bar
        object_unparent(OBJECT(&w->mr));
        g_free(w);
    }
    while (!QTAILQ_EMPTY(&s->apertures)) {
        a = QTAILQ_FIRST(&s->apertures);
        QTAILQ_REMOVE(&s->apertures, a, next);
        draindev_aperture_destroy(s, a);
    }
}

static void draindev_finalize(Object *obj)
{
    DrainDevState *s = DRAINDEV(obj);
    DrainQuirk *q, *tmp;

    QLIST_FOREACH_SAFE(q, &s->quirks, next, tmp) {
        draindev_quirk_teardown(s, q);
        QLIST_REMOVE(q, next);
        g_free(q);
    }
}

static void draindev_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = draindev_realize;
    k->exit = draindev_exit;
}

static const TypeInfo draindev_info = {
    .name              = TYPE_DRAINDEV,
    .parent            = TYPE_PCI_DEVICE,
    .instance_size     = sizeof(DrainDevState),
    .instance_finalize = draindev_finalize,
    .class_init        = draindev_class_init,
};

static void draindev_register_types(void)
{
    type_register_static(&draindev_info);
}

type_init(draindev_register_types)
