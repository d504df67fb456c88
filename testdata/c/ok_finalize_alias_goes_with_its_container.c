/*
 * Sysbus interrupt router: its "route" container holds a status window
 * that belongs to the companion "latch" object, and an alias of the
 * container is what the board maps.  instance_finalize unparents the
 * companion's window.
 *
 * Under the refcount series an alias references its target, but the
 * alias is one of the router's own child properties: QOM drops it with
 * the container before instance_finalize runs, the alias lets the
 * container go, and memory_region_finalize deletes the window from it.
 * The window is no longer mapped when it is unparented.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/sysbus.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_IRQROUTE "irqroute"
OBJECT_DECLARE_SIMPLE_TYPE(IrqrouteState, IRQROUTE)

struct IrqrouteState {
    SysBusDevice parent_obj;

    MemoryRegion route;
    MemoryRegion route_alias;
    MemoryRegion latch_window;
    Object *latch;
};

static uint64_t irqroute_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void irqroute_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
}

static const MemoryRegionOps irqroute_ops = {
    .read = irqroute_read,
    .write = irqroute_write,
};

static void irqroute_instance_init(Object *obj)
{
    IrqrouteState *s = IRQROUTE(obj);

    memory_region_init(&s->route, OBJECT(s), "irqroute-route", 0x1000);
    memory_region_init_io(&s->latch_window, s->latch, &irqroute_ops, s,
                          "irqroute-latch", 0x100);
}

static void irqroute_realize(DeviceState *dev, Error **errp)
{
    IrqrouteState *s = IRQROUTE(dev);

    memory_region_add_subregion(&s->route, 0x200, &s->latch_window);
    memory_region_init_alias(&s->route_alias, OBJECT(s), "irqroute-alias",
                             &s->route, 0, 0x1000);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->route_alias);
}

static void irqroute_instance_finalize(Object *obj)
{
    IrqrouteState *s = IRQROUTE(obj);

    // OK: MR002 the route container was finalized with its alias
    object_unparent(OBJECT(&s->latch_window));
}

static void irqroute_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = irqroute_realize;
}

static const TypeInfo irqroute_info = {
    .name              = TYPE_IRQROUTE,
    .parent            = TYPE_SYS_BUS_DEVICE,
    .instance_size     = sizeof(IrqrouteState),
    .instance_init     = irqroute_instance_init,
    .instance_finalize = irqroute_instance_finalize,
    .class_init        = irqroute_class_init,
};

static void irqroute_register_types(void)
{
    type_register_static(&irqroute_info);
}

type_init(irqroute_register_types)
