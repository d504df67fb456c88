// OK: MR001 sysbus device: never unrealized
// OK: MR002 the early return skips the unparent; the rebuild path deletes before it unparents
/*
 * SoC flash controller with a movable XIP window in system memory.  The
 * exported keepwin_set_base() (called by the SoC model, outside this
 * tree) returns early when nothing changes; otherwise it deletes the old
 * alias before unparenting and re-creating it.
 */
#include "qemu/osdep.h"
#include "qemu/units.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_KEEPWIN "keepwin-flash"
OBJECT_DECLARE_SIMPLE_TYPE(KeepwinState, KEEPWIN)

struct KeepwinState {
    SysBusDevice parent_obj;

    MemoryRegion flash;
    MemoryRegion xip;
    hwaddr xip_base;
};

void keepwin_set_base(KeepwinState *s, hwaddr base)
{
    if (base == s->xip_base) {
        return;
    }
    memory_region_del_subregion(get_system_memory(), &s->xip);
    object_unparent(OBJECT(&s->xip));
    memory_region_init_alias(&s->xip, OBJECT(s), "keepwin-xip", &s->flash, 0,
                             memory_region_size(&s->flash));
    memory_region_add_subregion(get_system_memory(), base, &s->xip);
    s->xip_base = base;
}

static void keepwin_realize(DeviceState *dev, Error **errp)
{
    KeepwinState *s = KEEPWIN(dev);

    if (!memory_region_init_rom(&s->flash, OBJECT(s), "keepwin-flash",
                                2 * MiB, errp)) {
        return;
    }
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->flash);
    memory_region_init_alias(&s->xip, OBJECT(s), "keepwin-xip", &s->flash, 0,
                             2 * MiB);
    memory_region_add_subregion(get_system_memory(), s->xip_base, &s->xip);
}

static void keepwin_instance_init(Object *obj)
{
    KeepwinState *s = KEEPWIN(obj);

    s->xip_base = 0x20000000;
}

static void keepwin_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = keepwin_realize;
}

static const TypeInfo keepwin_info = {
    .name          = TYPE_KEEPWIN,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(KeepwinState),
    .instance_init = keepwin_instance_init,
    .class_init    = keepwin_class_init,
};

static void keepwin_register_types(void)
{
    type_register_static(&keepwin_info);
}

type_init(keepwin_register_types)
