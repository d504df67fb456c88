/*
 * Abstract bases of two families. Every concrete kettle lives in another file that calls nothing
 * of the memory API (kettle-mini.c), so that file is never parsed; the kettle still runs the
 * base's realize and instance_finalize, and the finalize unparents a region QOM has already
 * finalized with the kettle's other children. Teapots have no concrete type at all: the only type
 * deriving from the teapot base is abstract too, so its finalize never runs.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "kettle.h"

static void kettle_base_realize(DeviceState *dev, Error **errp)
{
    KettleBaseState *s = KETTLE_BASE(dev);

    memory_region_init(&s->plate, OBJECT(s), "kettle-plate", 0x1000);
    sysbus_init_mmio(SYS_BUS_DEVICE(s), &s->plate);
}

static void kettle_base_finalize(Object *obj)
{
    KettleBaseState *s = KETTLE_BASE(obj);

    // BUG: MR004 object_unparent
    object_unparent(OBJECT(&s->plate));
}

static void kettle_base_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = kettle_base_realize;
}

static void teapot_base_realize(DeviceState *dev, Error **errp)
{
    TeapotBaseState *s = TEAPOT_BASE(dev);

    memory_region_init(&s->spout, OBJECT(s), "teapot-spout", 0x1000);
    sysbus_init_mmio(SYS_BUS_DEVICE(s), &s->spout);
}

static void teapot_base_finalize(Object *obj)
{
    TeapotBaseState *s = TEAPOT_BASE(obj);

    // OK: MR004 no concrete type derives from the teapot base, so this never runs
    object_unparent(OBJECT(&s->spout));
}

static void teapot_base_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = teapot_base_realize;
}

static const TypeInfo kettle_base_types[] = {
    {
        .name = TYPE_KETTLE_BASE,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(KettleBaseState),
        .instance_finalize = kettle_base_finalize,
        .class_init = kettle_base_class_init,
        .abstract = true,
    }, {
        .name = TYPE_TEAPOT_BASE,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(TeapotBaseState),
        .instance_finalize = teapot_base_finalize,
        .class_init = teapot_base_class_init,
        .abstract = true,
    },
};

DEFINE_TYPES(kettle_base_types)
