/*
 * instance_finalize unparents its region and then drops a reference on
 * it: both calls meet a region QOM finalized with the child properties.
 * The unparent being a no-op does not make the unref any better.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_LATEREF "lateref"
OBJECT_DECLARE_SIMPLE_TYPE(LaterefState, LATEREF)

struct LaterefState {
    SysBusDevice parent_obj;

    MemoryRegion win;
};

static void lateref_realize(DeviceState *dev, Error **errp)
{
    LaterefState *s = LATEREF(dev);

    memory_region_init(&s->win, OBJECT(s), "lateref-win", 0x10000);
}

static void lateref_instance_finalize(Object *obj)
{
    LaterefState *s = LATEREF(obj);

    // BUG: MR004
    object_unparent(OBJECT(&s->win));
    // BUG: MR004
    memory_region_unref(&s->win);
}

static void lateref_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = lateref_realize;
}

static const TypeInfo lateref_info = {
    .name          = TYPE_LATEREF,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(LaterefState),
    .instance_finalize = lateref_instance_finalize,
    .class_init    = lateref_class_init,
};

static void lateref_register_types(void)
{
    type_register_static(&lateref_info);
}

type_init(lateref_register_types)
