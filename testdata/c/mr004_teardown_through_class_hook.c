#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

/*
 * A disk controller family whose class carries its own teardown hooks: exit and instance_finalize
 * call them through the class pointer, so the functions stored there are reached only through a
 * field. Detaching the platter window at exit (delete, then unparent) is right; releasing the
 * platter from instance_finalize comes too late, QOM already finalized it with the other children.
 */

#define TYPE_SPINDLE "spindle"
OBJECT_DECLARE_TYPE(SpindleState, SpindleClass, SPINDLE)

struct SpindleState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion platter;
    MemoryRegion window;
};

struct SpindleClass {
    PCIDeviceClass parent_class;

    void (*detach)(SpindleState *s);
    void (*release)(SpindleState *s);
};

static const MemoryRegionOps spindle_ops;

static void spindle_detach_window(SpindleState *s)
{
    memory_region_del_subregion(&s->bar, &s->window);
    // OK: MR002 deleted from the bar first; reached at exit through the class's detach hook
    object_unparent(OBJECT(&s->window));
}

static void spindle_release_platter(SpindleState *s)
{
    // BUG: MR004 object_unparent
    object_unparent(OBJECT(&s->platter));
}

static void spindle_realize(PCIDevice *pdev, Error **errp)
{
    SpindleState *s = SPINDLE(pdev);

    memory_region_init(&s->bar, OBJECT(s), "spindle-bar", 0x10000);
    memory_region_init_io(&s->platter, OBJECT(s), &spindle_ops, s, "spindle-platter", 0x1000);
    memory_region_init_alias(&s->window, OBJECT(s), "spindle-window", &s->platter, 0, 0x1000);
    memory_region_add_subregion(&s->bar, 0, &s->window);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
}

static void spindle_exit(PCIDevice *pdev)
{
    SpindleClass *k = SPINDLE_GET_CLASS(pdev);

    k->detach(SPINDLE(pdev));
}

static void spindle_finalize(Object *obj)
{
    SpindleClass *k = SPINDLE_GET_CLASS(obj);

    k->release(SPINDLE(obj));
}

static void spindle_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *pc = PCI_DEVICE_CLASS(klass);
    SpindleClass *k = SPINDLE_CLASS(klass);

    pc->realize = spindle_realize;
    pc->exit = spindle_exit;
    k->detach = spindle_detach_window;
    k->release = spindle_release_platter;
}

static const TypeInfo spindle_info = {
    .name = TYPE_SPINDLE,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(SpindleState),
    .instance_finalize = spindle_finalize,
    .class_size = sizeof(SpindleClass),
    .class_init = spindle_class_init,
};

static void spindle_register_types(void)
{
    type_register_static(&spindle_info);
}

type_init(spindle_register_types)
