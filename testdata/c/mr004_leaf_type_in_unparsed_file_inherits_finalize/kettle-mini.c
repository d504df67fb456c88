/*
 * The concrete kettles, and one more abstract teapot. Nothing here calls the memory API: every
 * hook that touches a region is inherited from kettle-base.c.
 */
#include "qemu/osdep.h"
#include "hw/core/qdev-properties.h"
#include "kettle.h"

#define TYPE_KETTLE_MINI "kettle-mini"
#define TYPE_KETTLE_TRAVEL "kettle-travel"
#define TYPE_TEAPOT_CERAMIC "teapot-ceramic"

static const Property kettle_mini_properties[] = {
    DEFINE_PROP_UINT32("watts", KettleBaseState, watts, 1200),
};

static void kettle_mini_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    device_class_set_props(dc, kettle_mini_properties);
    dc->desc = "small kettle";
}

static const TypeInfo kettle_mini_types[] = {
    {
        .name = TYPE_KETTLE_MINI,
        .parent = TYPE_KETTLE_BASE,
        .class_init = kettle_mini_class_init,
    }, {
        .name = TYPE_KETTLE_TRAVEL,
        .parent = TYPE_KETTLE_MINI,
    }, {
        .name = TYPE_TEAPOT_CERAMIC,
        .parent = TYPE_TEAPOT_BASE,
        .abstract = true,
    },
};

DEFINE_TYPES(kettle_mini_types)
